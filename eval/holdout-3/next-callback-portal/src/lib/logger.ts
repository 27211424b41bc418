type Level = 'debug' | 'info' | 'warn' | 'error';

const LEVEL_ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const minLevel: Level = (process.env.LOG_LEVEL as Level | undefined) ?? 'info';

export type LogMeta = Record<string, unknown>;

function emit(level: Level, msg: string, meta?: LogMeta): void {
  if (LEVEL_ORDER[level] < LEVEL_ORDER[minLevel]) return;

  const entry = {
    ts: new Date().toISOString(),
    level,
    msg,
    service: 'callback-portal',
    ...meta,
  };

  const line = JSON.stringify(entry);
  if (level === 'error' || level === 'warn') {
    console.error(line);
  } else {
    console.log(line);
  }
}

export const logger = {
  debug: (msg: string, meta?: LogMeta) => emit('debug', msg, meta),
  info: (msg: string, meta?: LogMeta) => emit('info', msg, meta),
  warn: (msg: string, meta?: LogMeta) => emit('warn', msg, meta),
  error: (msg: string, meta?: LogMeta) => emit('error', msg, meta),
  child(bindings: LogMeta) {
    return {
      debug: (msg: string, meta?: LogMeta) => emit('debug', msg, { ...bindings, ...meta }),
      info: (msg: string, meta?: LogMeta) => emit('info', msg, { ...bindings, ...meta }),
      warn: (msg: string, meta?: LogMeta) => emit('warn', msg, { ...bindings, ...meta }),
      error: (msg: string, meta?: LogMeta) => emit('error', msg, { ...bindings, ...meta }),
    };
  },
};

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
