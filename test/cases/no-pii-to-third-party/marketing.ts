// Marketing sync after a resolved support call: Customer.io for the NPS journey, Braze for the win-back canvas.
// Braze has no official server SDK, so the REST API is called directly; the vendor is known by its API host.
import { TrackClient, RegionEU } from 'customerio-node';
import * as braze from '@braze/web-sdk';
import axios from 'axios';
import got from 'got';
import { createHmac } from 'node:crypto';

interface Customer {
  id: string;
  email: string;
  mobile: string;
  plan: string;
  tier: string;
}

const cio = new TrackClient(process.env.CIO_SITE_ID ?? '', process.env.CIO_API_KEY ?? '', { region: RegionEU });
const BRAZE_ENDPOINT = process.env.BRAZE_REST_ENDPOINT || 'https://rest.fra-01.braze.eu';
const brazeApi = got.extend({ prefixUrl: BRAZE_ENDPOINT, headers: { authorization: `Bearer ${process.env.BRAZE_API_KEY ?? ''}` } });
const crm = axios.create({ baseURL: 'https://crm.acme-contact.com/api' });
const PSEUDONYM_KEY = process.env.PSEUDONYM_KEY ?? '';

function customerRef(customer: Customer): string {
  return createHmac('sha256', PSEUDONYM_KEY).update(customer.mobile).digest('hex');
}

export async function enrolInNps(customer: Customer, callSid: string): Promise<void> {
  await cio.identify(customer.id, { email: customer.email, plan: customer.plan }); // $ Alert[no-pii-to-third-party]
  await cio.identify(customer.id, { plan: customer.plan, created_at: Math.floor(Date.now() / 1000) }); // safe: id and plan
  await cio.track(customer.id, { name: 'support_call_resolved', data: { callSid, mobile: customer.mobile } }); // $ Alert[no-pii-to-third-party]
  await cio.track(customer.id, { name: 'support_call_resolved', data: { callSid, tier: customer.tier } }); // safe: a SID and a tier
}

export async function syncToBraze(customer: Customer): Promise<void> {
  await fetch('https://rest.iad-01.braze.com/users/track', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ attributes: [{ external_id: customer.id, email: customer.email }] }), // $ Alert[no-pii-to-third-party]
  });
  await fetch('https://rest.iad-01.braze.com/users/track', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ attributes: [{ external_id: customer.id, tier: customer.tier }] }), // safe: id and tier
  });
  await brazeApi.post('users/track', { json: { attributes: [{ external_id: customer.id, phone: customer.mobile }] } }); // $ Alert[no-pii-to-third-party]
  await brazeApi.post('users/track', { json: { attributes: [{ external_id: customer.id, caller_ref: customerRef(customer) }] } }); // safe: a keyed HMAC pseudonym
}

export async function syncToCrm(customer: Customer): Promise<void> {
  await crm.post('/contacts', { email: customer.email, mobile: customer.mobile }); // safe: our own CRM (a processor), not a marketing vendor
  await fetch('https://braze-proxy.acme-contact.com/users/track', { method: 'POST', body: JSON.stringify({ email: customer.email }) }); // safe: not a vendor host; our own relay
}

export function identifyInBrowser(customer: Customer): void {
  braze.changeUser(customer.id); // safe: an opaque id
  braze.getUser().setPhoneNumber(customer.mobile); // $ Alert[no-pii-to-third-party]
  braze.getUser().setCustomUserAttribute('tier', customer.tier); // safe: a tier
}
