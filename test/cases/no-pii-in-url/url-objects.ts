// Deep links into the CRM and the WFM tool, built with URL and URLSearchParams.
import { createHmac } from 'node:crypto';
import { maskPhone, redact } from '@acme/pii';

interface Lead {
  id: string;
  campaignId: string;
  phone: string;
  nationalId?: string;
}

const CRM_BASE = 'https://crm.acme-contact.com';
const LINK_KEY = process.env.LINK_HMAC_KEY ?? '';

export function leadLink(lead: Lead): string {
  const url = new URL(`/leads/${lead.phone}`, CRM_BASE); // $ Alert[no-pii-in-url]
  return url.toString();
}

export function leadLinkById(lead: Lead): string {
  return new URL(`/leads/${lead.id}`, CRM_BASE).toString(); // safe: an id in the path
}

export function searchLink(lead: Lead): string {
  const url = new URL('/search', CRM_BASE);
  url.searchParams.set('phone', lead.phone); // $ Alert[no-pii-in-url]
  url.searchParams.set('campaign', lead.campaignId); // safe: not PII
  url.searchParams.append('nid', lead.nationalId ?? ''); // $ Alert[no-pii-in-url]
  url.searchParams.append('hint', maskPhone(lead.phone)); // safe: masked
  return url.href;
}

export function wfmQuery(lead: Lead): string {
  const query = new URLSearchParams({ phone: lead.phone, campaign: lead.campaignId }); // $ Alert[no-pii-in-url]
  return `https://wfm.acme-contact.com/forecast?${query}`;
}

export function wfmQueryById(lead: Lead): string {
  const query = new URLSearchParams({ lead: lead.id, campaign: lead.campaignId }); // safe: ids
  return `https://wfm.acme-contact.com/forecast?${query}`;
}

export function signedLookupLink(lead: Lead): string {
  const lookupKey = createHmac('sha256', LINK_KEY).update(lead.phone).digest('hex');
  const url = new URL('/lookup', CRM_BASE);
  url.searchParams.set('k', lookupKey); // safe: keyed HMAC of the number
  url.searchParams.set('n', redact(lead.phone)); // safe: redacted
  return url.toString();
}

export function reportLink(from: Date, to: Date): string {
  const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() }); // safe: dates named from/to
  return new URL(`/reports/calls?${params}`, CRM_BASE).toString();
}
