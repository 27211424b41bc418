// CRM sync worker of the contact centre: pushes call outcomes to the CRM and pulls lead lists.
import http from 'node:http';
import axios from 'axios';
import got from 'got';
import superagent from 'superagent';

interface CallOutcome {
  callSid: string;
  leadId: string;
  disposition: 'answered' | 'voicemail' | 'no-answer';
  durationSec: number;
}

const CRM_HOST = process.env.CRM_HOST ?? 'crm.acme-contact.com';
const CRM_URL = process.env.CRM_URL ?? 'http://crm.acme-contact.com'; // $ Alert[no-plaintext-transport]

export async function pushOutcome(outcome: CallOutcome): Promise<void> {
  await fetch('http://crm.acme-contact.com/api/v2/call-outcomes', { // $ Alert[no-plaintext-transport]
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(outcome),
  });
  await fetch('https://crm.acme-contact.com/api/v2/call-outcomes', { method: 'POST', body: JSON.stringify(outcome) }); // safe: https
}

export async function pullLeads(listId: string): Promise<unknown> {
  const res = await fetch(`http://${CRM_HOST}/api/v2/lists/${listId}/leads`); // $ Alert[no-plaintext-transport]
  return res.json();
}

export async function pullLeadsFromConfiguredCrm(listId: string): Promise<unknown> {
  const res = await fetch(`${CRM_URL}/api/v2/lists/${listId}/leads`); // safe here: the literal fallback above is the finding
  const fromEnv = await fetch(`${process.env.CRM_BASE_URL}/api/v2/lists/${listId}`); // safe: env-driven
  return [await res.json(), await fromEnv.json()];
}

const crm = axios.create({
  baseURL: 'http://crm.acme-contact.com/api/v2', // $ Alert[no-plaintext-transport]
  timeout: 5_000,
});

const billing = axios.create({ baseURL: 'https://billing.acme-contact.com/api', timeout: 5_000 }); // safe: https

export async function closeTicket(ticketId: string): Promise<void> {
  await crm.patch(`/tickets/${ticketId}`, { status: 'closed' });
  await axios.post('http://helpdesk.acme-contact.com/api/tickets/close', { ticketId }); // $ Alert[no-plaintext-transport]
  await axios({ url: 'http://helpdesk.acme-contact.com/api/audit', method: 'post', data: { ticketId } }); // $ Alert[no-plaintext-transport]
  await billing.post('/credits', { ticketId });
}

export async function qaScores(agentId: string): Promise<unknown> {
  const scores = await got.get(`http://qa.acme-contact.com/agents/${agentId}/scores`).json(); // $ Alert[no-plaintext-transport]
  const local = await got.get(`http://localhost:3000/agents/${agentId}/scores`).json(); // safe: loopback dev server
  return [scores, local];
}

export async function wfmForecast(): Promise<unknown> {
  const res = await superagent.get('http://wfm.acme-contact.com/forecast/today'); // $ Alert[no-plaintext-transport]
  const staging = await superagent.get('http://wfm.staging.test/forecast/today'); // safe: reserved .test name
  return [res.body, staging.body];
}

export function legacyCdrUpload(payload: string): void {
  const req = http.request('http://cdr.acme-contact.com/upload', { method: 'POST' }); // $ Alert[no-plaintext-transport]
  req.end(payload);
  // options object without a scheme: plain http module to a remote host
  http.get({ hostname: 'legacy-crm.acme-contact.com', port: 80, path: '/ping' }); // $ MISSING: Alert[no-plaintext-transport]
}

export function buildLeadUrl(leadId: string): URL {
  return new URL(`/leads/${leadId}`, 'http://crm.acme-contact.com'); // $ Alert[no-plaintext-transport]
}

// Look-alikes that must stay silent.
export async function looksPlainButIsNot(rawPath: string): Promise<void> {
  const parsed = new URL(rawPath, 'http://localhost'); // safe: parsing a request path against a loopback base
  await fetch('http://127.0.0.1:9091/metrics/job/dialer', { method: 'POST' }); // safe: loopback Pushgateway sidecar
  await fetch('http://[::1]:8500/v1/health/service/dialer'); // safe: loopback IPv6 (Consul agent)
  await fetch('http://api.example.com/v1/leads'); // $ Alert[no-plaintext-transport] (a placeholder host keeps its plaintext scheme)
  await fetch('http://crm.example/v1/leads'); // safe: reserved .example
  await fetch('http://mock-crm.invalid/v1/leads'); // safe: reserved .invalid
  await fetch('http://dialer.localhost:8080/health'); // safe: .localhost
  await fetch(`https://${CRM_HOST}${parsed.pathname}`); // safe: https
  console.warn('CRM_URL is not set; see http://wiki.acme-contact.com/crm-setup'); // safe: text of a log message, not a request
}
