import { Hono } from 'hono';
import { createHash } from 'node:crypto';
import * as Sentry from '@sentry/node';
import { plivoClient, plivoRoutes } from './voice/plivo';
import { sinchRoutes } from './voice/sinch';
import { callbackRoutes } from './routes/callbacks';
import { tagRequest } from './telemetry/sentry';

const app = new Hono();

app.use('*', async (c, next) => {
  tagRequest(c.req.header('x-agent-id'), c.req.header('x-market') ?? 'unknown');
  await next();
});

app.route('/voice/plivo', plivoRoutes);
app.route('/voice/sinch', sinchRoutes);
app.route('/callback', callbackRoutes);

app.get('/ops/live-stats', async (c) => {
  const live = await plivoClient.calls.listLiveCalls();
  const body = JSON.stringify({ live: live.calls.length, at: new Date().toISOString().slice(0, 16) });
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`; // safe: no-reversible-pii-hash — ETag of a counts payload
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  return c.body(body, 200, { etag, 'content-type': 'application/json' });
});

app.onError((err, c) => {
  Sentry.captureException(err);
  return c.json({ error: 'internal_error' }, 500);
});

export default app;
