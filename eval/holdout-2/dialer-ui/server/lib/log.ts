import { createConsola } from 'consola';
import createDebug from 'debug';

/** Application log (consola). LOG_LEVEL: 0 fatal … 3 info … 4 debug. */
export const logger = createConsola({
  level: process.env.LOG_LEVEL ? Number(process.env.LOG_LEVEL) : 3,
  formatOptions: { date: true, colors: process.stdout.isTTY },
}).withTag('agent-api');

/** Wire-level tracing, enabled with DEBUG=agent-api:* */
export const debugBandwidth = createDebug('agent-api:bandwidth');
export const debugCompliance = createDebug('agent-api:compliance');
