import { serve } from '@hono/node-server';
import app from './app';
import { env } from './env';
import { initSentry } from './telemetry/sentry';

initSentry();

serve({ fetch: app.fetch, port: env.PORT }, (info) => {
  console.log(`contact-hub listening on :${info.port} (${env.NODE_ENV})`);
});
