import 'server-only';

export type Environment = 'development' | 'staging' | 'production';

export interface VonageSettings {
  applicationId: string;
  privateKey: string;
  fromNumber: string;
  answerUrl: string;
  eventUrl: string;
  inboundSecret: string;
}

export interface PortalConfig {
  env: Environment;
  databaseUrl: string;
  reportingDatabaseUrl: string;
  vonage: VonageSettings;
  crmBaseUrl: string;
  schedulerUrl: string;
  legacyQueueUrl: string;
  cronSecret: string;
  maxAttempts: number;
  callbackWindowMinutes: number;
}

function env(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const parsed = Number.parseInt(raw, 10);
  return Number.isNaN(parsed) ? fallback : parsed;
}

/** Company hotline shown on the confirmation page and in SMS footers. */
export const SUPPORT_HOTLINE = '+18005550199';

let cached: PortalConfig | null = null;

export function getConfig(): PortalConfig {
  if (cached) return cached;

  const nodeEnv = (process.env.APP_ENV ?? 'development') as Environment;

  cached = {
    env: nodeEnv,
    databaseUrl: env('DATABASE_URL', 'postgres://portal:portal@127.0.0.1:5432/callbacks'),
    reportingDatabaseUrl: env('REPORTING_DATABASE_URL', 'postgres://reporter@reports.db.example-portal.com:5432/callbacks?sslmode=verify-full'), // safe: no-plaintext-transport — sslmode=verify-full
    vonage: {
      applicationId: env('VONAGE_APPLICATION_ID', ''),
      privateKey: env('VONAGE_PRIVATE_KEY', ''),
      fromNumber: env('VONAGE_FROM_NUMBER', '+12025550100'),
      answerUrl: env('VONAGE_ANSWER_URL', 'https://portal.example-portal.com/api/webhooks/vonage/answer'), // safe: no-plaintext-transport — https webhook
      eventUrl: env('VONAGE_EVENT_URL', 'http://portal.example-portal.com/api/webhooks/vonage/status'), // expect: no-plaintext-transport
      inboundSecret: env('VONAGE_SIGNATURE_SECRET', ''),
    },
    crmBaseUrl: env('CRM_BASE_URL', 'https://crm.example-portal.com/api/v2'),
    schedulerUrl: env('SCHEDULER_URL', 'http://localhost:4010'), // safe: no-plaintext-transport — loopback sidecar
    legacyQueueUrl: env('LEGACY_QUEUE_URL', 'http://queue.legacy.example-portal.net:8080/enqueue'), // expect: no-plaintext-transport
    cronSecret: env('CRON_SECRET', 'dev-cron-secret'),
    maxAttempts: envInt('CALLBACK_MAX_ATTEMPTS', 3),
    callbackWindowMinutes: envInt('CALLBACK_WINDOW_MINUTES', 30),
  };

  return cached;
}

export function isProduction(): boolean {
  return getConfig().env === 'production';
}
