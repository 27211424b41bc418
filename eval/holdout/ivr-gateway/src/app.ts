import express from 'express';
import session from 'express-session';
import RedisStore from 'connect-redis';
import mongoose from 'mongoose';
import morgan from 'morgan';
import { redis } from './services/sessionStore';
import { runDueCallbacks } from './services/callbacks';
import { vonageRouter } from './routes/vonage';
import { jambonzRouter } from './routes/jambonz';
import { webRouter } from './routes/web';

/* eslint-disable @typescript-eslint/no-var-requires */
const config = require('./config');
const { logger } = require('./lib/logger');
/* eslint-enable @typescript-eslint/no-var-requires */

declare module 'express-session' {
  interface SessionData {
    agentId: string;
    sipUser: string;
  }
}

const app = express();
app.set('trust proxy', 1);
app.set('view engine', 'ejs');

// request log line: method, path, status, latency, provider call id and caller
morgan.token('call-id', (req: express.Request) => req.body?.uuid ?? req.body?.call_sid ?? req.query?.uuid ?? '-'); // safe: no-pii-in-logs — provider call id
morgan.token('caller', (req: express.Request) => req.body?.from ?? req.query?.from ?? '-'); // expect: no-pii-in-logs
app.use(express.json());
app.use(express.urlencoded({ extended: false }));
app.use(
  morgan(':method :url :status :response-time ms call=:call-id caller=:caller', {
    stream: { write: (line: string) => logger.http(line.trim()) },
  }),
);

app.use(
  session({
    store: new RedisStore({ client: redis, prefix: 'sess:', ttl: config.session.ttlSeconds }),
    secret: config.session.secret,
    resave: false,
    saveUninitialized: false,
    cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: config.session.ttlSeconds * 1000 },
  }),
);

app.get('/healthz', (_req, res) => res.json({ ok: true, mongo: mongoose.connection.readyState === 1 }));
app.use('/vonage', vonageRouter);
app.use('/jambonz', jambonzRouter);
app.use('/', webRouter);

app.use((err: Error & { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  logger.error(err.message, { name: err.name, stack: err.stack });
  res.status(err.status ?? 500).json({ error: err.status ? err.message : 'internal error' });
});

async function main(): Promise<void> {
  await mongoose.connect(config.mongo.uri, config.mongo.options);
  setInterval(() => {
    runDueCallbacks().catch((err) => logger.error(`callback tick failed: ${err.message}`));
  }, 60_000).unref();
  app.listen(config.port, () => logger.info(`ivr-gateway listening on ${config.port}`));
}

main().catch((err) => {
  logger.error('startup failed', { error: err.message });
  process.exit(1);
});
