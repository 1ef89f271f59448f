// Renderer entry: language, store, router, then the app.
import './zodConfig'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { captureTokenFromUrl } from './api/client'
import { applyLocale, i18n, resolveLocale, storedPreference } from './i18n'
import { router } from './router'
import './styles/main.css'

captureTokenFromUrl()
applyLocale(resolveLocale(storedPreference()))

createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
