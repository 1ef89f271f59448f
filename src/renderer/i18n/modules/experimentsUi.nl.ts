// Messages of the experiments screens (nl).
export default {
  title: 'experimentsUi',
}
