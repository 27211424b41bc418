// Screen-pop service: when a call comes in, look the caller up in the CRM and the billing system.
// A number in the path or query string lands in every proxy, load-balancer and CRM access log on the way.
import http from 'node:https';
import axios from 'axios';
import express from 'express';
import got from 'got';
import superagent from 'superagent';
import twilio from 'twilio';
import { maskPhone, tokenize } from '@acme/pii';

interface Customer {
  id: string;
  phone: string;
  ssn: string;
}

const CRM = 'https://crm.acme-contact.com/api/v2';

export async function lookupByPhone(phone: string): Promise<Customer[]> {
  const res = await fetch(`${CRM}/customers?phone=${phone}`); // $ Alert[no-pii-in-url]
  return (await res.json()) as Customer[];
}

export async function lookupByPhoneSafely(phone: string): Promise<Customer[]> {
  const res = await fetch(`${CRM}/customers/search`, { method: 'POST', body: JSON.stringify({ phone }) }); // safe: in the POST body
  return (await res.json()) as Customer[];
}

export async function billingProfile(customer: Customer): Promise<unknown> {
  const { data } = await axios.get(`https://billing.acme-contact.com/v1/profiles/${customer.ssn}`); // $ Alert[no-pii-in-url]
  const byId = await axios.get(`https://billing.acme-contact.com/v1/profiles/by-customer/${customer.id}`); // safe: an id in the path
  return { ...data, ...byId.data };
}

export async function recentCalls(customer: Customer): Promise<unknown> {
  const lookupUrl = 'https://calls.acme-contact.com/v1/recent?number=' + customer.phone;
  const recent = await got(lookupUrl).json(); // $ Alert[no-pii-in-url]
  const viaToken = await got(`https://calls.acme-contact.com/v1/recent?t=${await tokenize(customer.phone)}`).json(); // safe: tokenized
  return [recent, viaToken];
}

export async function legacyLookup(phone: string): Promise<unknown> {
  const res = await superagent.get(`https://legacy-crm.acme-contact.com/find/${encodeURIComponent(phone)}`); // $ Alert[no-pii-in-url]
  const masked = await superagent.get(`https://legacy-crm.acme-contact.com/find-hint/${maskPhone(phone)}`); // safe: masked
  return [res.body, masked.body];
}

export function pingPresence(callerNumber: string): void {
  http.request({ host: 'presence.acme-contact.com', path: `/v1/presence?caller=${callerNumber}`, method: 'GET' }).end(); // $ Alert[no-pii-in-url]
  http.request({ host: 'presence.acme-contact.com', path: '/v1/presence', method: 'POST', headers: { 'x-caller': callerNumber } }).end(); // safe: a header, not the URL
}

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/inbound', twilio.webhook(), async (req, res) => {
  const { CallSid, From } = req.body;
  await axios.post(`${CRM}/screen-pops`, { callSid: CallSid, from: From }); // safe: PII in the body
  await axios.get(`${CRM}/screen-pops/${CallSid}`); // safe: call SID in the path
  await axios.get(`${CRM}/screen-pops?from=${From}`); // $ Alert[no-pii-in-url]
  res.type('text/xml').send(new twilio.twiml.VoiceResponse().toString());
});
