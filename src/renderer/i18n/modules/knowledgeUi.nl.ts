// Messages of the knowledge screens (nl).
export default {
  title: 'knowledgeUi',
}
