/**
 * Tiny structured logger. Lambda ships stdout/stderr to CloudWatch, so we
 * write one JSON document per line and let Logs Insights do the rest.
 */

type Level = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const configured = (process.env.LOG_LEVEL ?? 'info').toLowerCase() as Level;
const minimum = ORDER[configured] ?? ORDER.info;

let context: LogFields = {};

/** Fields added to every line until the next invocation resets them. */
export function setLogContext(fields: LogFields): void {
  context = { ...fields };
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack };
  }
  return value;
}

function write(level: Level, message: string, fields: LogFields = {}): void {
  if (ORDER[level] < minimum) return;
  const entry: LogFields = { level, message, timestamp: new Date().toISOString(), ...context };
  for (const [key, value] of Object.entries(fields)) {
    entry[key] = serialise(value);
  }
  const line = JSON.stringify(entry);
  if (level === 'error' || level === 'warn') {
    console.error(line);
  } else {
    console.log(line);
  }
}

export const logger = {
  debug: (message: string, fields?: LogFields) => write('debug', message, fields),
  info: (message: string, fields?: LogFields) => write('info', message, fields),
  warn: (message: string, fields?: LogFields) => write('warn', message, fields),
  error: (message: string, fields?: LogFields) => write('error', message, fields),
};
