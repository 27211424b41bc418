import ky from 'ky';
import { createHash } from 'node:crypto';
import { env } from '../env';

/** Bitrix24 inbound webhook (RU/KZ clients). */
const bitrix = ky.create({ prefixUrl: `https://${env.BITRIX_PORTAL}.bitrix24.ru/rest/1/${env.BITRIX_WEBHOOK}`, timeout: 8000, retry: 2 });

interface BitrixResponse<T> {
  result: T;
  error?: string;
  error_description?: string;
}

export interface BitrixLead {
  ID: string;
  TITLE: string;
  STATUS_ID: string;
  ASSIGNED_BY_ID: string;
}

export async function findLeadIdsByPhone(phone: string): Promise<number[]> {
  const { result } = await bitrix.get('crm.duplicate.findbycomm.json', { searchParams: { entity_type: 'LEAD', type: 'PHONE', 'values[]': phone } }).json<BitrixResponse<{ LEAD?: number[] }>>(); // expect: no-pii-in-url
  return result.LEAD ?? [];
}

export async function findContactIdsByEmail(email: string): Promise<number[]> {
  const { result } = await bitrix.get('crm.contact.list.json', { searchParams: { 'filter[EMAIL]': email, 'select[]': 'ID' } }).json<BitrixResponse<Array<{ ID: string }>>>(); // expect: no-pii-in-url
  return result.map((r) => Number(r.ID));
}

export async function getLead(id: number): Promise<BitrixLead> {
  const { result } = await bitrix.get('crm.lead.get.json', { searchParams: { id } }).json<BitrixResponse<BitrixLead>>(); // safe: no-pii-in-url — numeric lead id
  return result;
}

export async function createLead(lead: { title: string; phone: string; email?: string; source: string }): Promise<number> {
  const fields = {
    TITLE: lead.title,
    SOURCE_ID: lead.source,
    PHONE: [{ VALUE: lead.phone, VALUE_TYPE: 'MOBILE' }],
    EMAIL: lead.email ? [{ VALUE: lead.email, VALUE_TYPE: 'WORK' }] : [],
    UF_CRM_CALLER_HASH: callerHash(lead.phone),
  };
  const { result } = await bitrix.post('crm.lead.add.json', { json: { fields, params: { REGISTER_SONET_EVENT: 'N' } } }).json<BitrixResponse<number>>(); // safe: no-pii-in-url — lead fields in a JSON body
  return result;
}

/** UF_CRM_CALLER_HASH: the 2020 telephony connector matches leads on base64(sha1(caller id)). */
function callerHash(callerId: string): string {
  return createHash('sha1').update(String(callerId), 'utf8').digest('base64'); // expect: no-reversible-pii-hash
}
