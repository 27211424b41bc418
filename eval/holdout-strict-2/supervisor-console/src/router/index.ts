import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '../stores/session';
import { trackPage } from '../services/analytics';

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'wallboard', component: () => import('../views/Wallboard') },
  { path: '/customers', name: 'customers', component: () => import('../views/CustomerSearch') },
  { path: '/customers/:id', name: 'customer', component: () => import('../views/CustomerDetail'), props: true },
  { path: '/history', name: 'history', component: () => import('../views/CallHistory') },
  { path: '/screen-pop/:ani', name: 'screen-pop', component: () => import('../views/CustomerSearch'), props: true },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async () => {
  const session = useSessionStore();
  if (!session.user && !session.loading) await session.load();
});

router.afterEach((to) => {
  trackPage(String(to.name ?? 'unknown'));
});
