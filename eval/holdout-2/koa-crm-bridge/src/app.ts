import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import session from 'koa-session';
import config from './config';
import log from './lib/logger';
import { connectDatabases } from './db/sequelize';
import { connectRedis, sessionStore } from './lib/redis';
import { connectMain } from './lib/amqp';
import { disconnectKafka } from './lib/kafka';
import { contactsRouter } from './routes/contacts';
import { exportsRouter } from './routes/exports';
import webhooksRouter from './routes/webhooks';

const app = new Koa();
app.keys = config.cookieKeys;
app.proxy = true;

app.use(async (ctx, next) => {
  const started = Date.now();
  try {
    await next();
  } catch (err) {
    const e = err as { status?: number; expose?: boolean; message: string };
    ctx.status = e.status ?? 500;
    ctx.body = { error: e.expose ? e.message : 'internal error' };
    log.error({ err, method: ctx.method, path: ctx.path, status: ctx.status }, 'request failed');
  } finally {
    log.debug({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Date.now() - started }, 'request');
  }
});

app.use(
  session(
    {
      key: 'crm.sid',
      store: sessionStore,
      maxAge: 8 * 3600_000,
      httpOnly: true,
      secure: config.isProd,
      sameSite: 'lax',
    },
    app,
  ),
);
app.use(bodyParser({ enableTypes: ['json', 'form'], jsonLimit: '256kb' }));

app.use(contactsRouter.routes()).use(contactsRouter.allowedMethods());
app.use(exportsRouter.routes()).use(exportsRouter.allowedMethods());
app.use(webhooksRouter.routes()).use(webhooksRouter.allowedMethods());

async function start(): Promise<void> {
  await connectDatabases();
  await connectRedis();
  await connectMain();
  const server = app.listen(config.port, () => {
    log.info({ port: config.port, supportPhoneNumber: config.supportPhoneNumber }, 'crm-bridge listening'); // safe: no-pii-in-logs — the company's public support line
  });
  const shutdown = () => {
    server.close(() => void disconnectKafka().finally(() => process.exit(0)));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

start().catch((err) => {
  log.fatal({ err }, 'crm-bridge failed to start');
  process.exit(1);
});
