// SMS and verification providers that take `application/x-www-form-urlencoded` bodies. URLSearchParams is how
// such a body is built; it only becomes a query string when it is put into a URL.
import axios from 'axios';

const SMS_API = 'https://sms.example-gateway.com/v1/messages';
const VERIFY_API = 'https://verify.example-gateway.com/v1/checks';
const LOOKUP_API = 'https://lookup.example-gateway.com/v1/numbers';

export async function sendSms(phone: string, text: string): Promise<void> {
  const form = new URLSearchParams({ To: phone, Body: text, From: 'ACME' }); // safe: a form-encoded POST body
  await fetch(SMS_API, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
}

export async function startCheck(phone: string): Promise<void> {
  const body = new URLSearchParams({ phone, channel: 'sms' }); // safe: the POST body (shorthand `{ body }`)
  await fetch(VERIFY_API, { method: 'POST', body });
}

export async function startCheckWithAxios(phone: string): Promise<void> {
  await axios.post(VERIFY_API, new URLSearchParams({ phone, channel: 'voice' })); // safe: axios data
}

export async function sendSmsWithLocale(phone: string, text: string, locale: string): Promise<void> {
  const form = new URLSearchParams({ to: phone }); // safe: built up, then sent as the body
  form.append('text', text);
  form.set('locale', locale);
  await fetch(SMS_API, { method: 'POST', body: form.toString() });
}

export async function lookupNumber(phone: string): Promise<unknown> {
  const query = new URLSearchParams({ number: phone, fields: 'carrier' }); // $ Alert[no-pii-in-url]
  const res = await fetch(`${LOOKUP_API}?${query}`);
  return res.json();
}

export async function sendAndLink(phone: string): Promise<string> {
  const form = new URLSearchParams({ to: phone }); // $ Alert[no-pii-in-url]
  await fetch(SMS_API, { method: 'POST', body: form });
  return `${SMS_API}/status?${form.toString()}`;
}
