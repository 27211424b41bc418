import { ofetch } from 'ofetch';
import { runtime } from '../config/runtime';
import type { CustomerSummary } from '../types/domain';
import { callbackIdempotencyKey } from '../utils/fingerprint';

const api = ofetch.create({ baseURL: runtime.apiBase, credentials: 'include', retry: 1 });

export async function searchByPhone(phone: string): Promise<CustomerSummary[]> {
  const res = await fetch(`${runtime.apiBase}/customers/search?phone=${encodeURIComponent(phone)}`, { credentials: 'include' }); // expect: no-pii-in-url
  if (!res.ok) throw new Error(`search failed: ${res.status}`);
  return res.json();
}

export function searchByEmail(email: string): Promise<CustomerSummary[]> {
  return api<CustomerSummary[]>('/customers/search', { query: { email, limit: 20 } }); // expect: no-pii-in-url
}

export async function searchByIdNumber(idNumber: string, market: string): Promise<CustomerSummary[]> {
  const res = await fetch(`${runtime.apiBase}/customers/search`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ idNumber, market }) }); // safe: no-pii-in-url — id in the POST body
  return res.json();
}

export function getCustomer(id: string): Promise<CustomerSummary> {
  return api<CustomerSummary>(`/customers/${encodeURIComponent(id)}`); // safe: no-pii-in-url — customer id
}

/** KYC desk: "who else registered with this document?" */
export function customersByNationalId(nationalId: string): Promise<CustomerSummary[]> {
  return api<CustomerSummary[]>(`/kyc/holders/${encodeURIComponent(nationalId)}`); // expect: no-pii-in-url
}

export async function scheduleCallback(customerId: string, phone: string, slot: string): Promise<{ id: string }> {
  const idempotencyKey = await callbackIdempotencyKey(customerId, slot);
  return api<{ id: string }>('/callbacks', { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey }, body: { customerId, phone, slot } }); // safe: no-pii-in-url — number in the JSON body
}

export function queueCalls(queue: string, state: string): Promise<Array<{ callSid: string }>> {
  return api('/calls', { query: { queue, state } }); // safe: no-pii-in-url — queue name and call state
}
