import ky from 'ky';
import crypto from 'node:crypto';
import * as Sentry from '@sentry/node';
import { env } from '../env';
import type { IdKind, Market } from '../types';
import { idFingerprint, isValidInn, isValidSnils } from '../privacy/national-id';
import { maskId } from '../privacy/mask';
import { rudderanalytics } from '../telemetry/analytics';

export interface KycRequest {
  customerId: string;
  market: Market;
  idKind: IdKind;
  idNumber: string;
}

export type KycStatus = 'verified' | 'mismatch' | 'duplicate' | 'manual_review';

interface FocusRow {
  inn: string;
  IP?: { status?: { dissolved?: boolean }; fio?: string };
}

/** Sole traders (ИП) are looked up by their 12-digit personal INN in Kontur.Focus. */
export async function soleTraderActive(inn: string): Promise<boolean> {
  const rows = await ky.get(`https://focus-api.kontur.ru/api3/req?key=${env.KONTUR_FOCUS_KEY}&inn=${inn}`).json<FocusRow[]>(); // expect: no-pii-in-url
  return rows.some((r) => r.IP && !r.IP.status?.dissolved);
}

export async function partyByInn(inn: string): Promise<{ name?: string; status?: string }> {
  const res = await ky.post('https://suggestions.dadata.ru/suggestions/api/4_1/rs/findById/party', { headers: { authorization: `Token ${env.DADATA_TOKEN}` }, json: { query: inn, branch_type: 'MAIN' } }).json<{ suggestions: Array<{ value: string; data: { state: { status: string } } }> }>(); // safe: no-pii-in-url — INN in the JSON body
  const first = res.suggestions[0];
  return { name: first?.value, status: first?.data.state.status };
}

/** SNILS status through our Gosuslugi integration proxy. */
export async function snilsActive(snils: string): Promise<boolean> {
  const digits = snils.replace(/\D/g, '');
  const res = await fetch(`https://gosproxy.internal.polaris-contact.ru/v1/snils/${digits}/status`, { headers: { authorization: `Bearer ${process.env.GOSPROXY_TOKEN ?? ''}` } }); // expect: no-pii-in-url
  return res.ok && ((await res.json()) as { active: boolean }).active;
}

/** The pension-fund partner sends its opt-out list keyed by sha256 of the 11 SNILS digits. */
export function snilsMatchKey(snils: string): string {
  return crypto.createHash('sha256').update(snils.replace(/\D/g, ''), 'utf8').digest('hex'); // expect: no-reversible-pii-hash
}

export async function runKyc(req: KycRequest): Promise<KycStatus> {
  Sentry.setContext('kyc', { customerId: req.customerId, idKind: req.idKind, id: maskId(req.idNumber) }); // safe: no-pii-to-third-party — masked id
  let status: KycStatus = 'manual_review';
  try {
    const fingerprint = await idFingerprint(req.idKind, req.idNumber);
    const dup = await ky.post(`${env.CUSTOMER_API_URL}/v2/kyc/fingerprints`, { json: { customerId: req.customerId, fingerprint } }).json<{ duplicateOf?: string }>();
    if (dup.duplicateOf) {
      status = 'duplicate';
    } else if (req.idKind === 'ru_inn') {
      status = isValidInn(req.idNumber) && (await soleTraderActive(req.idNumber)) ? 'verified' : 'mismatch';
    } else if (req.idKind === 'ru_snils') {
      status = isValidSnils(req.idNumber) && (await snilsActive(req.idNumber)) ? 'verified' : 'mismatch';
    }
  } catch (err) {
    Sentry.setContext('kyc_failure', { customerId: req.customerId, idKind: req.idKind, idNumber: req.idNumber }); // expect: no-pii-to-third-party
    Sentry.captureException(err);
  }
  rudderanalytics.track({ userId: req.customerId, event: 'kyc_checked', properties: { idKind: req.idKind, market: req.market, status } }); // safe: no-pii-to-third-party — customer id, id kind and outcome
  return status;
}
