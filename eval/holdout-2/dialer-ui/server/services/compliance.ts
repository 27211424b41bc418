import https from 'node:https';
import { config } from '../config';
import { complianceAgent } from '../lib/tls';
import { debugCompliance } from '../lib/log';
import { maskPhone } from '../lib/pii';

/**
 * Client for the compliance service, which owns the federal/state DNC lists,
 * litigator scrubbing, consent records and calling-hours rules.
 */

export type BlockReason = 'dnc' | 'no-consent' | 'quiet-hours' | 'litigator' | 'unknown';

export interface Verdict {
  allowed: boolean;
  reason?: BlockReason;
  checkedAt: string;
}

export class DialBlockedError extends Error {
  constructor(readonly reason: BlockReason) {
    super(`Dial blocked by compliance (${reason})`);
    this.name = 'DialBlockedError';
  }
}

function post<T>(path: string, body: unknown): Promise<T> {
  const url = new URL(`${config.compliance.baseUrl}${path}`);
  const payload = JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const req = https.request(
      url,
      { method: 'POST', agent: complianceAgent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }, timeout: 3000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 300) {
            reject(new Error(`compliance ${path} answered ${res.statusCode}`));
            return;
          }
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
          } catch (err) {
            reject(err);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`compliance ${path} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export async function checkNumber(phone: string, channel: 'voice' | 'sms'): Promise<Verdict> {
  const verdict = await post<Verdict>('/verdicts', { phone, channel });
  debugCompliance('%s verdict for %s: %s', channel, maskPhone(phone), verdict.allowed ? 'allow' : verdict.reason); // safe: no-pii-in-logs — number masked with maskPhone
  return verdict;
}

/** Throws DialBlockedError unless the compliance service allows a voice call to `phone`. */
export async function assertDialable(phone: string): Promise<void> {
  const verdict = await checkNumber(phone, 'voice');
  if (!verdict.allowed) {
    throw new DialBlockedError(verdict.reason ?? 'unknown');
  }
}

export async function smsAllowed(phone: string): Promise<boolean> {
  const verdict = await checkNumber(phone, 'sms');
  return verdict.allowed;
}
