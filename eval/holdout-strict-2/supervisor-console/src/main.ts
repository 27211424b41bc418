import { createApp } from 'vue';
import { createPinia } from 'pinia';
import * as Sentry from '@sentry/vue';
import App from './App';
import { router } from './router';
import { runtime } from './config/runtime';
import { initAnalytics } from './services/analytics';
import { useDemoData } from './demo/wallboard-demo';

const app = createApp(App);

Sentry.init({
  app,
  dsn: runtime.sentryDsn,
  integrations: [Sentry.browserTracingIntegration({ router })],
  tracesSampleRate: 0.1,
  sendDefaultPii: false,
});

initAnalytics(runtime);
app.use(createPinia());
app.use(router);

if (import.meta.env.VITE_DEMO === '1') useDemoData();

app.mount('#app');
