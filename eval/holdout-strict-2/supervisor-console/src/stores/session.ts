import { defineStore } from 'pinia';
import type { Supervisor } from '../types/domain';
import { identifySupervisor } from '../services/analytics';

export const useSessionStore = defineStore('session', {
  state: () => ({ user: null as Supervisor | null, loading: false }),
  getters: {
    isQa: (s) => s.user?.role === 'qa',
    sites: (s) => s.user?.sites ?? [],
  },
  actions: {
    async load(): Promise<void> {
      this.loading = true;
      try {
        const res = await fetch('/api/me', { credentials: 'include' });
        if (res.status === 401) {
          window.location.assign('/sso/login');
          return;
        }
        this.user = (await res.json()) as Supervisor;
        identifySupervisor(this.user);
      } finally {
        this.loading = false;
      }
    },
  },
});
