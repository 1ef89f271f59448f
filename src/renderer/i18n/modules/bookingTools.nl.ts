// Messages of the booking tools: what is free, today at a machine, calendar export (nl).
export default {
  title: '',
}
