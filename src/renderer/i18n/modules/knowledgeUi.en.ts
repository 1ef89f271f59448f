// Messages of the knowledge screens (en).
export default {
  title: 'knowledgeUi',
}
