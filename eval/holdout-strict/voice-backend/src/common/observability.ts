import * as Sentry from '@sentry/node';
import Bugsnag from '@bugsnag/js';
import { StatsD } from 'hot-shots';

export const statsd = new StatsD({
  host: process.env.DD_AGENT_HOST ?? '127.0.0.1',
  prefix: 'voice.',
  globalTags: { service: 'voice-backend', env: process.env.DD_ENV ?? 'dev' },
});

/** One place to report a failure tied to a call; only ids leave the process. */
export function reportCallError(err: unknown, callSid: string, agentId?: string): void {
  Sentry.withScope((scope) => {
    scope.setTag('call_sid', callSid); // safe: no-pii-to-third-party — call SID
    if (agentId) scope.setUser({ id: agentId }); // safe: no-pii-to-third-party — internal agent id
    Sentry.captureException(err);
  });
  Bugsnag.notify(err instanceof Error ? err : new Error(String(err)), (event) => {
    event.addMetadata('call', { callSid, agentId }); // safe: no-pii-to-third-party — SID and agent id
  });
}
