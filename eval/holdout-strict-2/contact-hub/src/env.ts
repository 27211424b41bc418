import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().default(8787),
  PUBLIC_BASE_URL: z.string().url().default('https://hub.polaris-contact.eu'),
  CUSTOMER_API_URL: z.string().url().default('https://customers.internal.polaris-contact.eu'),
  VAULT_ADDR: z.string().url().default('https://vault.polaris-contact.eu:8200'),
  PLIVO_AUTH_ID: z.string().min(1),
  PLIVO_AUTH_TOKEN: z.string().min(1),
  PLIVO_CALLER_ID: z.string().min(1),
  SINCH_APP_KEY: z.string().min(1),
  SINCH_APP_SECRET: z.string().min(1),
  SINCH_CLI: z.string().min(1),
  ALIYUN_ACCESS_KEY_ID: z.string().min(1),
  ALIYUN_ACCESS_KEY_SECRET: z.string().min(1),
  SMS_SIGN_CN: z.string().default('北辰客服'),
  TENCENT_SECRET_ID: z.string().min(1),
  TENCENT_SECRET_KEY: z.string().min(1),
  TENCENT_SMS_APP_ID: z.string().default('1400912345'), // safe: no-hardcoded-pii — Tencent SmsSdkAppId, not a phone number
  SMSC_LOGIN: z.string().min(1),
  SMSC_PASSWORD: z.string().min(1),
  TELEGRAM_BOT_TOKEN: z.string().min(1),
  TELEGRAM_OPS_CHAT_ID: z.string().default('-1001988123456'), // safe: no-hardcoded-pii — Telegram supergroup chat id
  WECOM_BOT_KEY: z.string().min(1),
  BITRIX_PORTAL: z.string().default('polaris'),
  BITRIX_WEBHOOK: z.string().min(1),
  KONTUR_FOCUS_KEY: z.string().min(1),
  DADATA_TOKEN: z.string().min(1),
  POSTHOG_KEY: z.string().min(1),
  RUDDER_WRITE_KEY: z.string().min(1),
  RUDDER_DATA_PLANE: z.string().url().default('https://polariscontact.dataplane.rudderstack.com'),
  SENTRY_DSN: z.string().optional(),
  GEMINI_API_KEY: z.string().min(1),
  AZURE_OPENAI_ENDPOINT: z.string().url(),
  AZURE_OPENAI_KEY: z.string().min(1),
});

export const env = schema.parse(process.env);
export type Env = typeof env;
