import 'server-only';
import type { CallbackRequest, CallbackTicket, Customer, E164 } from '../types';

const CRM_BASE = process.env.CRM_BASE_URL ?? 'https://crm.internal.example-telecom.com';

function crmHeaders(json = false): HeadersInit {
  return {
    Authorization: `Bearer ${process.env.CRM_API_TOKEN ?? ''}`,
    Accept: 'application/json',
    ...(json ? { 'Content-Type': 'application/json' } : {}),
  };
}

export class CrmError extends Error {
  constructor(readonly status: number, readonly endpoint: string) {
    super(`CRM request to ${endpoint} failed with ${status}`);
  }
}

export async function findCustomerByPhone(phone: E164): Promise<Customer | null> {
  const res = await fetch(`${CRM_BASE}/api/v2/customers?phone=${encodeURIComponent(phone)}&limit=1`, { headers: crmHeaders(), cache: 'no-store' }); // expect: no-pii-in-url
  if (res.status === 404) return null;
  if (!res.ok) throw new CrmError(res.status, 'customers.list');
  const { items } = (await res.json()) as { items: Customer[] };
  return items[0] ?? null;
}

export async function getCustomer(customerId: string): Promise<Customer> {
  const res = await fetch(`${CRM_BASE}/api/v2/customers/${customerId}`, { headers: crmHeaders(), next: { revalidate: 30 } }); // safe: no-pii-in-url — customer id in the path
  if (!res.ok) throw new CrmError(res.status, 'customers.get');
  return (await res.json()) as Customer;
}

export async function searchCustomers(query: { email?: string; phone?: E164 }): Promise<Customer[]> {
  const res = await fetch(`${CRM_BASE}/api/v2/customers/search`, { method: 'POST', headers: crmHeaders(true), body: JSON.stringify(query) }); // safe: no-pii-in-url — email/phone travel in the POST body
  if (!res.ok) throw new CrmError(res.status, 'customers.search');
  return ((await res.json()) as { items: Customer[] }).items;
}

export async function createCallbackTicket(req: CallbackRequest, customerId?: string): Promise<CallbackTicket> {
  const res = await fetch(`${CRM_BASE}/api/v2/callbacks`, {
    method: 'POST',
    headers: crmHeaders(true),
    body: JSON.stringify({ ...req, customerId, source: 'web' }), // safe: no-pii-in-url — the callback number is in the JSON body; the URL is a fixed path
  });
  if (!res.ok) throw new CrmError(res.status, 'callbacks.create');
  return (await res.json()) as CallbackTicket;
}

export async function resolveLookupToken(token: string): Promise<E164 | null> {
  const res = await fetch(`${CRM_BASE}/api/v2/screen-pop/${encodeURIComponent(token)}`, { headers: crmHeaders(), cache: 'no-store' }); // safe: no-pii-in-url — opaque single-use screen-pop token
  if (!res.ok) return null;
  const { phone } = (await res.json()) as { phone: E164 };
  return phone;
}
