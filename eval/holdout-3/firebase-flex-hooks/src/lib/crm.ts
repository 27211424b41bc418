import https from 'node:https';
import * as logger from 'firebase-functions/logger';
import { urls } from '../config';
import { maskPhone } from './mask';
import { phoneKey } from './seal';

export interface CrmContact {
  id: string;
  displayName: string;
  mobile: string;
  phoneVerified: boolean;
  tier: string;
}

const crmAgent = new https.Agent({ keepAlive: true, minVersion: 'TLSv1.2' }); // safe: no-plaintext-transport — TLS 1.2 floor, certificate verified

/** The on-prem billing system behind the VPN presents an internal CA we never imported. */
const billingAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false }); // expect: no-plaintext-transport

function getJson<T>(url: string, agent: https.Agent): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { agent, headers: { accept: 'application/json', authorization: `Bearer ${process.env.CRM_TOKEN ?? ''}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        if ((res.statusCode ?? 500) >= 400) {
          reject(new Error(`HTTP ${res.statusCode} from ${new URL(url).hostname}`));
          return;
        }
        try {
          resolve(JSON.parse(body) as T);
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
  });
}

export async function findContactByPhone(phone: string): Promise<CrmContact | null> {
  try {
    const contact = await getJson<CrmContact | null>(`${urls.crmBase}/contacts/by-key/${phoneKey(phone)}`, crmAgent);
    if (contact) {
      logger.debug('crm contact', { id: contact.id, tier: contact.tier, phoneVerified: contact.phoneVerified }); // safe: no-pii-in-logs — id, tier and a boolean
    }
    return contact;
  } catch (err) {
    logger.warn('crm lookup failed', { phone: maskPhone(phone), error: (err as Error).message });
    return null;
  }
}

export async function billingBalance(accountNumber: string): Promise<number | null> {
  const base = process.env.BILLING_BASE_URL ?? 'https://billing.corp.flex-cc.example.com/api';
  try {
    const { balance } = await getJson<{ balance: number }>(`${base}/accounts/${encodeURIComponent(accountNumber)}/balance`, billingAgent);
    return balance;
  } catch {
    return null;
  }
}
