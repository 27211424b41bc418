import { env } from '../env';
import type { Customer } from '../types';

const headers = { authorization: `Bearer ${process.env.CUSTOMER_API_TOKEN ?? ''}`, accept: 'application/json' };

export async function findCustomerByMsisdn(msisdn: string): Promise<Customer | null> {
  const res = await fetch(`${env.CUSTOMER_API_URL}/v2/customers/by-msisdn/${encodeURIComponent(msisdn)}`, { headers }); // expect: no-pii-in-url
  if (res.status === 404) return null;
  return (await res.json()) as Customer;
}

export async function getCustomer(id: string): Promise<Customer> {
  const res = await fetch(`${env.CUSTOMER_API_URL}/v2/customers/${encodeURIComponent(id)}`, { headers }); // safe: no-pii-in-url — customer id
  return (await res.json()) as Customer;
}

/** Preferred lookup: the API gateway logs query strings, so identifiers go in the body. */
export async function lookupCustomers(query: { phone?: string; email?: string; idNumber?: string }): Promise<Customer[]> {
  const res = await fetch(`${env.CUSTOMER_API_URL}/v2/customers/lookup`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(query) }); // safe: no-pii-in-url — identifiers in a POST body
  return (await res.json()) as Customer[];
}

export async function customersByPhoneHmac(phoneHmac: string): Promise<Customer[]> {
  const res = await fetch(`${env.CUSTOMER_API_URL}/v2/customers?phone_hmac=${phoneHmac}`, { headers }); // safe: no-pii-in-url — keyed HMAC pseudonym
  return (await res.json()) as Customer[];
}

export async function callHistory(customerId: string, from: string, to: string): Promise<Array<{ callUuid: string; at: string; durationSec: number }>> {
  const res = await fetch(`${env.CUSTOMER_API_URL}/v2/customers/${customerId}/calls?from=${from}&to=${to}&limit=50`, { headers }); // safe: no-pii-in-url — customer id and an ISO date range
  return (await res.json()) as Array<{ callUuid: string; at: string; durationSec: number }>;
}
