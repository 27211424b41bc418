'use strict';

require('dotenv').config();

const env = process.env;

/**
 * All runtime configuration in one place. Values fall back to the dev stack
 * (docker-compose.dev.yml) when the env var is missing.
 */
module.exports = {
  port: Number(env.PORT || 8080),
  publicUrl: env.PUBLIC_URL || 'http://localhost:8080', // safe: no-plaintext-transport — loopback dev default

  mongo: {
    uri: env.MONGO_URI || 'mongodb://mongo-0.ivr.internal:27017,mongo-1.ivr.internal:27017/ivr?replicaSet=rs0&tls=true', // safe: no-plaintext-transport — tls=true
    options: { maxPoolSize: 20, tlsCAFile: env.MONGO_CA_FILE },
  },

  redis: {
    url: env.REDIS_URL || 'rediss://ivr-cache.internal:6380/0', // safe: no-plaintext-transport — rediss (TLS)
  },

  vonage: {
    applicationId: env.VONAGE_APPLICATION_ID,
    privateKeyPath: env.VONAGE_PRIVATE_KEY_PATH || './secrets/vonage.key',
    apiKey: env.VONAGE_API_KEY,
    apiSecret: env.VONAGE_API_SECRET,
    signatureSecret: env.VONAGE_SIGNATURE_SECRET,
    lvn: env.VONAGE_LVN || '12025550100',
  },

  jambonz: {
    // self-hosted jambonz cluster in the voice VPC
    apiBaseUrl: env.JAMBONZ_API_URL || 'http://jambonz-api.voice.internal:3000/v1', // expect: no-plaintext-transport
    accountSid: env.JAMBONZ_ACCOUNT_SID,
    apiKey: env.JAMBONZ_API_KEY,
    applicationSid: env.JAMBONZ_APPLICATION_SID,
  },

  crm: {
    baseUrl: env.CRM_BASE_URL || 'https://acme.crm-example.com/api/v2', // safe: no-plaintext-transport — https
    // billing system's SOAP bridge; only speaks plain HTTP
    legacyUrl: env.CRM_LEGACY_URL || 'http://billing-bridge.corp.example.com:8080/touch', // expect: no-plaintext-transport
    token: env.CRM_TOKEN,
  },

  s3: {
    region: env.AWS_REGION || 'us-east-1',
    recordingsBucket: env.RECORDINGS_BUCKET || 'acme-ivr-recordings',
    kmsKeyId: env.RECORDINGS_KMS_KEY_ID,
    qaVendorBucket: env.QA_VENDOR_BUCKET || 'qa-partner-inbound-acme',
  },

  session: {
    secret: env.SESSION_SECRET || 'dev-only-secret',
    ttlSeconds: 30 * 60,
  },

  pii: {
    fieldKey: env.PII_FIELD_KEY,
    lookupKey: env.PII_LOOKUP_KEY,
    vaultUrl: env.TOKEN_VAULT_URL || 'https://vault.acme-example.com/v1/transform', // safe: no-plaintext-transport — https
    vaultToken: env.TOKEN_VAULT_TOKEN,
  },
};
