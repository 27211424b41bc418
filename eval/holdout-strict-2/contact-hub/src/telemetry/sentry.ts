import * as Sentry from '@sentry/node';
import { env } from '../env';

export function initSentry(): void {
  Sentry.init({
    dsn: env.SENTRY_DSN,
    environment: env.NODE_ENV,
    tracesSampleRate: 0.05,
    sendDefaultPii: false,
  });
}

export function tagRequest(agentId: string | undefined, market: string): void {
  Sentry.setTag('market', market);
  if (agentId) Sentry.setUser({ id: agentId }); // safe: no-pii-to-third-party — agent id only
}
