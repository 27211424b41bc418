// TLS settings of the outbound integrations: CRM, SIPREC recorder, payment IVR, carrier APIs.
import fs from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import axios from 'axios';
import got from 'got';

// "Temporary" workaround for the CRM's expired certificate.
export const crmAgent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: false, // $ Alert[no-plaintext-transport]
});

export const crmAgentVerified = new https.Agent({
  keepAlive: true,
  ca: fs.readFileSync('/etc/ssl/acme/crm-ca.pem'),
  rejectUnauthorized: true, // safe: verification on
});

export const carrierApi = axios.create({
  baseURL: 'https://api.carrier-one.net/v2',
  httpsAgent: new https.Agent({ rejectUnauthorized: false }), // $ Alert[no-plaintext-transport]
});

export const paymentsApi = axios.create({
  baseURL: 'https://payments.acme-contact.com/v1',
  httpsAgent: new https.Agent({ minVersion: 'TLSv1.2' }), // safe: TLS 1.2+
});

// SIPREC recorder: call audio streamed over TLS.
export function connectRecorder(): tls.TLSSocket {
  return tls.connect({
    host: 'siprec.acme-contact.com',
    port: 5061,
    servername: 'siprec.acme-contact.com',
    rejectUnauthorized: false, // $ Alert[no-plaintext-transport]
  });
}

export function connectRecorderVerified(): tls.TLSSocket {
  return tls.connect({ host: 'siprec.acme-contact.com', port: 5061, ca: fs.readFileSync('/etc/ssl/acme/siprec-ca.pem') }); // safe: default verification
}

// The legacy payment IVR only speaks old TLS.
export const legacyIvrAgent = new https.Agent({
  minVersion: 'TLSv1', // $ Alert[no-plaintext-transport]
});

export const legacyGatewayAgent = new https.Agent({
  secureProtocol: 'TLSv1_method', // $ Alert[no-plaintext-transport]
});

export const modernAgent = new https.Agent({
  minVersion: 'TLSv1.3', // safe: TLS 1.3
});

export const pinnedProtocolAgent = new https.Agent({
  secureProtocol: 'TLSv1_2_method', // safe: TLS 1.2 method
});

export async function carrierStatus(): Promise<unknown> {
  return got('https://status.carrier-two.net/api/v2/summary.json', {
    https: { rejectUnauthorized: false }, // $ Alert[no-plaintext-transport]
  }).json();
}

export async function carrierStatusPinned(): Promise<unknown> {
  return got('https://status.carrier-two.net/api/v2/summary.json', {
    https: { certificateAuthority: fs.readFileSync('/etc/ssl/acme/carrier-two-ca.pem'), rejectUnauthorized: true }, // safe: verification on
  }).json();
}

export const boundedAgent = new https.Agent({
  minVersion: 'TLSv1.2', // safe: TLS 1.2 floor
  maxVersion: 'TLSv1.3', // safe: TLS 1.3 ceiling
});

// Turning verification off for the whole process.
export function bootstrapForStaging(): void {
  if (process.env.APP_ENV === 'staging') {
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // $ Alert[no-plaintext-transport]
  }
}

export function bootstrapLegacyWorker(): void {
  process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0'; // $ Alert[no-plaintext-transport]
}

// Look-alikes that keep verification on.
export function assertTlsVerification(): void {
  if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') { // safe: a check, not an assignment
    throw new Error('Refusing to start with TLS certificate verification disabled');
  }
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1'; // safe: verification on
}

// A custom identity check that accepts every certificate.
export const pinnedAgent = new https.Agent({
  checkServerIdentity: () => undefined, // $ MISSING: Alert[no-plaintext-transport]
});
