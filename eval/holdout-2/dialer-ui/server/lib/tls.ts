import fs from 'node:fs';
import https from 'node:https';
import type { ConnectionOptions } from 'node:tls';
import { config } from '../config';

function readCa(file: string): Buffer | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

/** Agent for the internal compliance API (private CA). */
export const complianceAgent = new https.Agent({
  ca: readCa(config.compliance.caFile),
  keepAlive: true,
  maxSockets: 20,
  rejectUnauthorized: true,
});

/** The legacy CTI bridge on the old PBX still presents a self-signed certificate. */
export const ctiBridgeAgent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: false, // expect: no-plaintext-transport
});

/** Raw TLS socket to the recording vault's ingest port. */
export function vaultSocketOptions(): ConnectionOptions {
  return {
    host: 'vault-ingest.example.net',
    port: 7443,
    servername: 'vault-ingest.example.net',
    ca: readCa(config.compliance.caFile),
    minVersion: 'TLSv1', // expect: no-plaintext-transport
  };
}
