// Short confirmations ("Saved") shown in a polite live region, so screen readers hear them too.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface Notice {
  id: number
  text: string
}

export const useNoticesStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([])
  let next = 1

  function announce(text: string, ms = 4000) {
    const id = next++
    notices.value.push({ id, text })
    setTimeout(() => dismiss(id), ms)
  }

  function dismiss(id: number) {
    notices.value = notices.value.filter((n) => n.id !== id)
  }

  return { notices, announce, dismiss }
})
