// Messages of the experiments screens (en).
export default {
  title: 'experimentsUi',
}
