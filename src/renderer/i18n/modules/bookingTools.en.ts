// Messages of the booking tools: what is free, today at a machine, calendar export (en).
export default {
  title: '',
}
