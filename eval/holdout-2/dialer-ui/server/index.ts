import fs from 'node:fs';
import Hapi from '@hapi/hapi';
import Cookie from '@hapi/cookie';
import Basic from '@hapi/basic';
import { config, isDev } from './config';
import { logger } from './lib/log';
import { dialRoutes } from './routes/dial';
import { bandwidthRoutes } from './routes/bandwidthWebhooks';
import { startPresence } from './services/presence';

function tlsOptions() {
  if (isDev) return undefined;
  return {
    key: fs.readFileSync(config.tls.keyFile),
    cert: fs.readFileSync(config.tls.certFile),
    minVersion: 'TLSv1.2' as const, // safe: no-plaintext-transport — TLS 1.2 floor on the agent API listener
  };
}

async function start(): Promise<void> {
  const server = Hapi.server({
    port: config.port,
    host: isDev ? '127.0.0.1' : '0.0.0.0',
    tls: tlsOptions(),
    routes: { cors: { origin: [config.publicUrl], credentials: true } },
  });

  await server.register([Cookie, Basic]);

  server.auth.strategy('agent-session', 'cookie', {
    cookie: { name: 'agent_sid', password: config.sessionPassword, isSecure: !isDev, isSameSite: 'Strict', ttl: 10 * 3600_000 },
    validate: async (_request: unknown, session: { agentId?: string }) => ({ isValid: Boolean(session?.agentId), credentials: session }),
  });
  server.auth.strategy('bandwidth-basic', 'basic', {
    validate: async (_request: unknown, username: string, password: string) => ({
      isValid: username === config.bandwidth.webhookUser && password === config.bandwidth.webhookPassword,
      credentials: { source: 'bandwidth' },
    }),
  });

  // request.log(...) calls from the routes end up here.
  server.events.on({ name: 'request', channels: 'app' }, (_request, event, tags) => {
    logger.debug(`[${Object.keys(tags).join(',')}]`, event.data);
  });

  server.route([...dialRoutes, ...bandwidthRoutes]);
  server.route({ method: 'GET', path: '/healthz', options: { auth: false }, handler: () => ({ ok: true }) });

  await startPresence();
  await server.start();
  logger.success(`agent-api listening on ${server.info.uri}; support line ${config.supportPhoneNumber}`);
}

start().catch((err) => {
  logger.error('agent-api failed to start', err);
  process.exit(1);
});
