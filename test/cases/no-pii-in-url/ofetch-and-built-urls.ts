// Supervisor console data layer on ofetch (`api` is an ofetch instance with the API base URL), plus the ops
// alerts and callback URLs that are built into a const first and handed to the request afterwards.
import { ofetch } from 'ofetch';
import plivo from 'plivo';
import ky from 'ky';
import { maskPhone } from '@acme/pii';

interface Customer {
  id: string;
  phone: string;
  email: string;
  nationalId: string;
}

const api = ofetch.create({ baseURL: 'https://console-api.acme-contact.com', credentials: 'include' });
const OPS_BOT = 'https://api.telegram.org/bot-token-from-env';
const PUBLIC_BASE = 'https://voice.acme-contact.com';
const plivoClient = new plivo.Client(process.env.PLIVO_AUTH_ID, process.env.PLIVO_AUTH_TOKEN);

export function searchByEmail(email: string): Promise<Customer[]> {
  return api<Customer[]>('/customers/search', { query: { email, limit: 20 } }); // $ Alert[no-pii-in-url]
}

export function searchByQueue(queue: string): Promise<Customer[]> {
  return api<Customer[]>('/customers/search', { query: { queue, limit: 20 } }); // safe: a queue name in the query
}

export function holdersOfDocument(nationalId: string): Promise<Customer[]> {
  return api<Customer[]>(`/kyc/holders/${encodeURIComponent(nationalId)}`); // $ Alert[no-pii-in-url]
}

export function customerById(id: string): Promise<Customer> {
  return api<Customer>(`/customers/${encodeURIComponent(id)}`); // safe: a customer id in the path
}

export function saveCallback(customer: Customer, slot: string): Promise<{ id: string }> {
  return api<{ id: string }>('/callbacks', { method: 'POST', body: { customerId: customer.id, phone: customer.phone, slot } }); // safe: the number is in the body
}

export function lookupByPhone(phone: string): Promise<Customer[]> {
  return ofetch<Customer[]>('https://console-api.acme-contact.com/customers/search', { params: { phone } }); // $ Alert[no-pii-in-url]
}

export function lookupByPhonePost(phone: string): Promise<Customer[]> {
  return ofetch<Customer[]>('https://console-api.acme-contact.com/customers/search', { method: 'POST', body: { phone } }); // safe: POST body
}

export async function alertOpsOfCallback(phone: string, slot: string): Promise<void> {
  const url = `${OPS_BOT}/sendMessage?chat_id=ops&text=${encodeURIComponent(`Callback ${slot}: ${phone}`)}`; // $ Alert[no-pii-in-url]
  await fetch(url);
}

export async function alertOpsMasked(phone: string, slot: string): Promise<void> {
  const url = `${OPS_BOT}/sendMessage?chat_id=ops&text=${encodeURIComponent(`Callback ${slot}: ${maskPhone(phone)}`)}`; // safe: masked before it goes into the text
  await fetch(url);
}

export async function alertOpsByPost(phone: string, slot: string): Promise<void> {
  const text = `Callback ${slot}: ${phone}`; // safe: a message, sent in the POST body below
  await fetch(`${OPS_BOT}/sendMessage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: 'ops', text }) });
}

export async function callBack(customer: Customer): Promise<string> {
  const answerUrl = `${PUBLIC_BASE}/plivo/answer?callee=${encodeURIComponent(customer.phone)}`; // $ Alert[no-pii-in-url]
  const hangupUrl = `${PUBLIC_BASE}/plivo/hangup?customer=${customer.id}`; // safe: a customer id
  const response = await plivoClient.calls.create(process.env.PLIVO_CALLER_ID ?? '', customer.phone, answerUrl, { hangupUrl });
  return response.requestUuid;
}

/** Card-not-present payments: the issuer is looked up by the BIN, the first eight digits. */
export async function cardIssuer(pan: string): Promise<unknown> {
  return ky.get(`https://lookup.binlist.net/${pan.replace(/\D/g, '').slice(0, 8)}`).json(); // safe: the first 8 digits are the card's BIN (issuer), not the card number
}
