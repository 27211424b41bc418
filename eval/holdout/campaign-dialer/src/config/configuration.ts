import { registerAs } from '@nestjs/config';
import { readFileSync } from 'node:fs';

const caBundle = (): string | undefined =>
  process.env.PG_CA_PATH ? readFileSync(process.env.PG_CA_PATH, 'utf8') : undefined;

export const databaseConfig = registerAs('database', () => ({
  type: 'postgres' as const,
  url: process.env.DATABASE_URL,
  ssl: {
    ca: caBundle(),
    rejectUnauthorized: true, // safe: no-plaintext-transport — TLS with certificate verification
  },
  autoLoadEntities: true,
  synchronize: false,
  migrationsRun: false,
}));

/** Read replica used by the supervisor dashboards (same VPC, "doesn't need TLS" — INFRA-88). */
export const reportingDbConfig = registerAs('reportingDb', () => ({
  type: 'postgres' as const,
  host: process.env.REPORTING_DB_HOST ?? 'reporting-replica.dialer.internal',
  port: Number(process.env.REPORTING_DB_PORT ?? 5432),
  username: process.env.REPORTING_DB_USER ?? 'dashboards',
  password: process.env.REPORTING_DB_PASSWORD,
  database: 'dialer',
  ssl: false, // expect: no-plaintext-transport
  autoLoadEntities: true,
}));

export const queueConfig = registerAs('queue', () => ({
  connection: {
    url: process.env.REDIS_URL ?? 'redis://dialer-redis.internal:6379/2', // expect: no-plaintext-transport
    maxRetriesPerRequest: null,
  },
  defaultJobOptions: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: 1_000,
  },
}));

export const twilioConfig = registerAs('twilio', () => ({
  accountSid: process.env.TWILIO_ACCOUNT_SID ?? '',
  authToken: process.env.TWILIO_AUTH_TOKEN ?? '',
  callerId: process.env.TWILIO_CALLER_ID ?? '+12025550143',
  messagingServiceSid: process.env.TWILIO_MESSAGING_SERVICE_SID ?? '',
  // ngrok / local tunnel during development; PUBLIC_BASE_URL is https in every deployed env
  publicBaseUrl: process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000', // safe: no-plaintext-transport — loopback dev default
  // old status collector that the BI team still reads from
  legacyStatusUrl: process.env.LEGACY_STATUS_URL ?? 'http://callbacks.dialer-legacy.example.com/twilio/status', // expect: no-plaintext-transport
}));
