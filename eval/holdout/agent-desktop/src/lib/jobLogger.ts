import winston from 'winston';

/** Logger for cron jobs and scripts (the API itself logs through Fastify's pino). */
export const jobLog = winston.createLogger({
  level: process.env.LOG_LEVEL ?? 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  defaultMeta: { app: 'agent-desk-jobs' },
  transports: [new winston.transports.Console()],
});
