'use strict';

/**
 * Central configuration. Read once at start-up; everything else requires this
 * module instead of touching process.env directly.
 */

const env = process.env;
const nodeEnv = env.NODE_ENV || 'development';
const isProd = nodeEnv === 'production';

function list(value, fallback) {
  return (value || fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

module.exports = {
  nodeEnv,
  isProd,
  port: Number(env.PORT || 3000),
  cookieKeys: list(env.COOKIE_KEYS, 'dev-only-cookie-key'),

  db: {
    url: env.DATABASE_URL || 'postgres://crm_bridge:crm_bridge@localhost:5432/crm_bridge',
    caPem: env.DATABASE_CA_PEM,
    reportingUrl: env.REPORTING_DATABASE_URL || 'postgres://reporting_ro@reporting-db.crm.example.net:5432/crm_reporting',
  },

  redis: {
    url: env.REDIS_URL || (isProd ? 'rediss://cache.crm.example.net:6380' : 'redis://localhost:6379'), // safe: no-plaintext-transport — rediss in production, loopback in development
    sessionUrl: env.SESSION_REDIS_URL || 'redis://sessions.crm.example.net:6379/2', // expect: no-plaintext-transport
  },

  kafka: {
    brokers: list(env.KAFKA_BROKERS, 'b-1.msk.crm.example.net:9096,b-2.msk.crm.example.net:9096'),
    username: env.KAFKA_USERNAME || 'crm-bridge',
    password: env.KAFKA_PASSWORD || '',
    analyticsBrokers: list(env.ANALYTICS_KAFKA_BROKERS, 'kafka-analytics.crm.example.net:9092'),
  },

  amqp: {
    url: env.AMQP_URL || 'amqps://crm-bridge@mq.crm.example.net:5671/crm', // safe: no-plaintext-transport — amqps (AMQP over TLS)
    legacyDialerUrl: env.LEGACY_DIALER_AMQP_URL || 'amqp://dialer:dialer@legacy-mq.dialer.example.net:5672/dialer', // expect: no-plaintext-transport
    dispositionsQueue: 'dialer.dispositions',
  },

  messagebird: {
    accessKey: env.MESSAGEBIRD_ACCESS_KEY || '',
    originator: env.MESSAGEBIRD_ORIGINATOR || 'ExampleCo',
    reportUrl: env.MESSAGEBIRD_REPORT_URL || 'https://crm-bridge.example.com/webhooks/messagebird/status',
    signingKey: env.MESSAGEBIRD_SIGNING_KEY || '',
  },

  sinch: {
    projectId: env.SINCH_PROJECT_ID || '',
    keyId: env.SINCH_KEY_ID || '',
    keySecret: env.SINCH_KEY_SECRET || '',
    region: env.SINCH_SMS_REGION || 'us',
    from: env.SINCH_FROM || '+12025550110',
  },

  legacyCrm: {
    soapUrl: env.LEGACY_CRM_SOAP_URL || 'http://10.20.0.15:8080/soap/ContactService', // expect: no-plaintext-transport
    timeoutMs: 5000,
  },

  crypto: {
    piiKeyHex: env.PII_AES_KEY_HEX || '',
    hmacKeyHex: env.PII_HMAC_KEY_HEX || '',
  },

  exportsDir: env.EXPORTS_DIR || '/var/lib/crm-bridge/exports',

  /** Public support line quoted in SMS bodies. */
  supportPhoneNumber: '+18005550123',
};
