import { readFileSync } from 'node:fs';

export type Environment = 'development' | 'production';

export interface SipTrunk {
  name: string;
  /** Carrier's SIP gateway (host or IP). */
  gateway: string;
  port: number;
  transport: 'udp' | 'tcp' | 'tls';
}

export interface TlsOptions {
  ca?: string;
  rejectUnauthorized: boolean;
  minVersion?: 'TLSv1.2' | 'TLSv1.3';
}

export interface AppConfig {
  env: Environment;
  port: number;
  /** Base URL Twilio and jambonz use to reach our webhooks. */
  publicBaseUrl: string;
  /** The company's published number, shown as caller ID on outbound calls and texts. */
  businessNumber: string;
  database: { url: string; ssl?: TlsOptions };
  /** Read replica used by exports and reports. */
  reportingDb: { url: string; ssl?: TlsOptions };
  redis: { sessionUrl: string; jobsUrl: string };
  amqp: { url: string; dialQueue: string };
  twilio: { accountSid: string; authToken: string; messagingServiceSid: string };
  vonage: { apiKey: string; apiSecret: string; senderId: string };
  ari: { url: string; username: string; password: string; app: string };
  sipTrunks: readonly SipTrunk[];
  hubspot: { apiBaseUrl: string; token: string };
  vault: { endpoint: string; apiKey: string };
  aws: { region: string; recordingsBucket: string; qaBucket: string; recordingsKmsKeyId: string };
  crypto: { fieldKeyHex: string; blindIndexKeyHex: string };
}

const SIP_TRUNKS: readonly SipTrunk[] = [
  { name: 'carrier-a', gateway: 'sip.carrier-a.net', port: 5061, transport: 'tls' },
  // piiguard-ignore-next-line no-plaintext-transport -- carrier B is reached only over our private MPLS circuit and offers no SIP TLS there (until 2027-06-30)
  { name: 'carrier-b-mpls', gateway: '10.40.0.12', port: 5060, transport: 'udp' },
];

function secret(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

/** Everything runs on the developer's machine (docker compose); no TLS needed on loopback. */
function development(): AppConfig {
  return {
    env: 'development',
    port: 3000,
    publicBaseUrl: process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000',
    businessNumber: '+12025550100',
    database: { url: 'postgres://dialer:dialer@localhost:5432/dialer' },
    reportingDb: { url: 'postgres://dialer:dialer@localhost:5432/dialer' },
    redis: {
      sessionUrl: 'redis://localhost:6379/0',
      jobsUrl: 'redis://127.0.0.1:6379/1',
    },
    amqp: { url: 'amqp://guest:guest@localhost:5672', dialQueue: 'dialer.jobs' },
    twilio: {
      accountSid: process.env.TWILIO_ACCOUNT_SID ?? 'AC00000000000000000000000000000000',
      authToken: process.env.TWILIO_AUTH_TOKEN ?? 'dev-auth-token',
      messagingServiceSid: 'MG00000000000000000000000000000000',
    },
    vonage: { apiKey: 'dev', apiSecret: 'dev', senderId: 'Northwind' },
    ari: { url: 'http://localhost:8088', username: 'dialer', password: 'dialer', app: 'dialer' },
    sipTrunks: SIP_TRUNKS,
    hubspot: { apiBaseUrl: 'https://api.hubapi.com', token: process.env.HUBSPOT_TOKEN ?? '' },
    vault: { endpoint: 'https://vault.sandbox.northwind-cc.com', apiKey: 'sandbox' },
    aws: { region: 'us-east-1', recordingsBucket: 'nwcc-dev-recordings', qaBucket: 'nwcc-dev-qa', recordingsKmsKeyId: 'alias/dev-recordings' },
    crypto: { fieldKeyHex: '00'.repeat(32), blindIndexKeyHex: '11'.repeat(32) },
  };
}

function production(): AppConfig {
  return {
    env: 'production',
    port: Number(process.env.PORT ?? 8080),
    publicBaseUrl: 'https://hooks.northwind-cc.com',
    businessNumber: '+12025550100',
    database: {
      url: secret('DATABASE_URL'),
      ssl: { ca: readFileSync('/etc/ssl/certs/rds-global-bundle.pem', 'utf8'), rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    },
    reportingDb: {
      url: secret('REPORTING_DATABASE_URL'),
      // The replica still serves the certificate it was bootstrapped with.
      ssl: { rejectUnauthorized: false }, // $ Alert[no-plaintext-transport]
    },
    redis: {
      sessionUrl: 'rediss://sessions.cache.prod.northwind-cc.net:6380/0',
      jobsUrl: 'redis://jobs.cache.prod.northwind-cc.net:6379/0', // $ Alert[no-plaintext-transport]
    },
    amqp: {
      url: 'amqp://mq.prod.northwind-cc.net:5672/dialer', // $ Alert[no-plaintext-transport]
      dialQueue: 'dialer.jobs',
    },
    twilio: {
      accountSid: secret('TWILIO_ACCOUNT_SID'),
      authToken: secret('TWILIO_AUTH_TOKEN'),
      messagingServiceSid: secret('TWILIO_MESSAGING_SERVICE_SID'),
    },
    vonage: { apiKey: secret('VONAGE_API_KEY'), apiSecret: secret('VONAGE_API_SECRET'), senderId: 'Northwind' },
    ari: { url: 'https://pbx.prod.northwind-cc.net:8089', username: 'dialer', password: secret('ARI_PASSWORD'), app: 'dialer' },
    sipTrunks: SIP_TRUNKS,
    hubspot: { apiBaseUrl: 'https://api.hubapi.com', token: secret('HUBSPOT_TOKEN') },
    vault: { endpoint: 'https://vault.pci.northwind-cc.com', apiKey: secret('VAULT_API_KEY') },
    aws: {
      region: 'us-east-1',
      recordingsBucket: 'nwcc-call-recordings',
      qaBucket: 'nwcc-qa-samples',
      recordingsKmsKeyId: secret('RECORDINGS_KMS_KEY_ID'),
    },
    crypto: { fieldKeyHex: secret('FIELD_ENCRYPTION_KEY'), blindIndexKeyHex: secret('BLIND_INDEX_KEY') },
  };
}

export const config: AppConfig = process.env.NODE_ENV === 'production' ? production() : development();

export function primaryTrunk(): SipTrunk {
  const trunk = config.sipTrunks[0];
  if (!trunk) throw new Error('No SIP trunk configured');
  return trunk;
}
