import { runtime } from '../config/runtime';

/** Deep link into the client CRM's contact search (opened in a new tab). */
export function crmSearchUrl(msisdn: string): string {
  const url = new URL('/crm/contacts/search', runtime.crmBaseUrl);
  url.searchParams.append('msisdn', msisdn); // expect: no-pii-in-url
  url.searchParams.append('source', 'supervisor-console');
  return url.toString();
}

export function crmCustomerUrl(customerId: string): string {
  return new URL(`/crm/contacts/${encodeURIComponent(customerId)}`, runtime.crmBaseUrl).toString(); // safe: no-pii-in-url — CRM customer id
}

export function recordingUrl(callSid: string, offsetSec?: number): string {
  const url = new URL(`/recordings/${callSid}`, runtime.recordingsBaseUrl); // safe: no-pii-in-url — call SID
  if (offsetSec) url.searchParams.append('t', String(offsetSec));
  return url.toString();
}

export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`; // safe: no-pii-in-url — tel: link, no HTTP request

export const mailtoHref = (email: string, subject: string): string => `mailto:${email}?subject=${encodeURIComponent(subject)}`; // safe: no-pii-in-url — mailto: link, no HTTP request

export function historyExportUrl(range: { from: string; to: string }, queue?: string): string {
  const url = new URL(`${runtime.apiBase}/exports/calls.csv`, window.location.origin);
  url.searchParams.append('from', range.from); // safe: no-pii-in-url — ISO date
  url.searchParams.append('to', range.to); // safe: no-pii-in-url — ISO date
  if (queue) url.searchParams.append('queue', queue);
  return url.toString();
}
