import { z } from 'zod';

/**
 * Twelve-factor config. Defaults are the values for the shared "int" environment
 * so a fresh checkout can talk to it; prod overrides everything through Vault agent.
 */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().default(4000),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
  JWT_SECRET: z.string().default('int-only-change-me'),

  DATABASE_URL: z.string().default('postgresql://desk_app@pg-primary.desk.internal:5432/desk?sslmode=verify-full'), // safe: no-plaintext-transport — sslmode=verify-full
  REPORTING_DATABASE_URL: z.string().default('postgresql://desk_ro@pg-replica.desk.internal:5432/desk?sslmode=disable'), // expect: no-plaintext-transport

  EVENTS_AMQP_URL: z.string().default('amqp://rabbit.desk.internal:5672/desk-events'), // expect: no-plaintext-transport

  ESL_HOST: z.string().default('fs-01.voice.internal'),
  ESL_PORT: z.coerce.number().default(8021),
  ESL_PASSWORD: z.string().default('ClueCon'),
  OUTBOUND_CLI: z.string().default('+12025550178'),

  // Dallas site still runs Asterisk 18
  ARI_URL: z.string().default('http://asterisk-01.dal.pbx.internal:8088'), // expect: no-plaintext-transport
  ARI_USER: z.string().default('agentdesk'),
  ARI_PASSWORD: z.string().default(''),

  DNC_API_URL: z.string().default('https://dnc.compliance.acme-example.com/v2'), // safe: no-plaintext-transport — https
  DNC_API_KEY: z.string().default(''),

  TELNYX_API_KEY: z.string().default(''),
  TELNYX_FROM: z.string().default('+12025550178'),

  SMTP_HOST: z.string().default('smtp.acme-example.com'),
  SMTP_USER: z.string().default('agent-desk'),
  SMTP_PASSWORD: z.string().default(''),
  QA_VENDOR_EMAIL: z.string().default('qa-intake@bpo-partner.example.net'),

  EXPORT_DIR: z.string().default('/var/lib/agent-desk/exports'),
  EXPORT_BUCKET: z.string().default('acme-desk-exports'),
  EXPORT_FTP_URL: z.string().default('ftp://ftp.bpo-partner.example.net/inbound'), // expect: no-plaintext-transport
  EXPORT_FTP_USER: z.string().default('acme'),
  EXPORT_FTP_PASSWORD: z.string().default(''),
  PII_KMS_KEY_ID: z.string().default('alias/agent-desk-pii'),
  PII_TOKEN_KEY: z.string().default(''),
});

export type AppConfig = z.infer<typeof Env>;

export const config: AppConfig = Env.parse(process.env);
export const isDev = config.NODE_ENV === 'development';
