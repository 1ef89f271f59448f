// Screens of the app shell. Hash history works the same on the desktop's app protocol and in browser mode.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import DashboardView from './views/DashboardView.vue'

export const NAV_ROUTES = ['dashboard', 'equipment', 'experiments', 'knowledge', 'symposia', 'people', 'reports', 'settings'] as const
export type NavRoute = (typeof NAV_ROUTES)[number]

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'dashboard', component: DashboardView },
  { path: '/equipment', name: 'equipment', component: () => import('./views/EquipmentView.vue') },
  { path: '/equipment/:id(\\d+)', name: 'machine', component: () => import('./views/EquipmentMachineView.vue'), props: true },
  {
    path: '/equipment/:id(\\d+)/today',
    name: 'machineToday',
    component: () => import('./views/EquipmentTodayView.vue'),
    props: true,
  },
  { path: '/experiments', name: 'experiments', component: () => import('./views/experiments/ExperimentsView.vue') },
  { path: '/experiments/library', name: 'settingsLibrary', component: () => import('./views/experiments/ExperimentsLibraryView.vue') },
  {
    path: '/experiments/new',
    name: 'newExperiment',
    component: () => import('./views/experiments/ExperimentView.vue'),
    props: { id: 'new' },
  },
  { path: '/experiments/:id(\\d+)', name: 'experiment', component: () => import('./views/experiments/ExperimentView.vue'), props: true },
  { path: '/knowledge', name: 'knowledge', component: () => import('./views/knowledge/KnowledgeView.vue') },
  {
    path: '/knowledge/notes/new',
    name: 'newNote',
    component: () => import('./views/knowledge/KnowledgeNoteView.vue'),
    props: { id: 'new' },
  },
  { path: '/knowledge/notes/:id(\\d+)', name: 'note', component: () => import('./views/knowledge/KnowledgeNoteView.vue'), props: true },
  {
    path: '/knowledge/notes/by-title/:title',
    name: 'noteByTitle',
    component: () => import('./views/knowledge/KnowledgeNoteView.vue'),
    props: (route) => ({ id: 'by-title', title: String(route.params.title) }),
  },
  { path: '/symposia', name: 'symposia', component: () => import('./views/symposia/SymposiaView.vue') },
  {
    path: '/symposia/:id(\\d+)/:tab?',
    name: 'symposium',
    component: () => import('./views/symposia/SymposiumView.vue'),
    props: (route) => ({ id: String(route.params.id), tab: typeof route.params.tab === 'string' ? route.params.tab : undefined }),
  },
  {
    path: '/symposia/sessions/:id(\\d+)',
    name: 'symposiumSession',
    component: () => import('./views/symposia/SymposiumSessionView.vue'),
    props: true,
  },
  { path: '/search', name: 'search', component: () => import('./views/SearchView.vue') },
  { path: '/people', name: 'people', component: () => import('./views/PeopleView.vue') },
  // Without an id: the signed-in person's own portfolio.
  { path: '/portfolio', name: 'myPortfolio', component: () => import('./views/portfolio/PortfolioView.vue') },
  {
    path: '/people/:id(\\d+)/portfolio',
    name: 'portfolio',
    component: () => import('./views/portfolio/PortfolioView.vue'),
    props: true,
  },
  { path: '/reports', name: 'reports', component: () => import('./views/reports/ReportsView.vue') },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
