// Link and cache-key helpers of the agent desk. The URL is built in a helper and handed on — to a router, an
// SMS, an SWR cache — so the number enters the URL here, in the template the helper returns or passes on.
import useSWR from 'swr';
import { maskPhone } from '@acme/pii';

interface Lead {
  id: string;
  msisdn: string;
  email: string;
  campaignId: string;
}

const PORTAL = 'https://portal.acme-contact.com';

const fetcher = async (url: string): Promise<unknown> => (await fetch(url)).json();

/** Pre-filled callback form for the IVR's "press 2 to be called back" SMS. */
export function callbackFormLink(phone: string, source: 'ivr' | 'web'): string {
  return `/callbacks/new?number=${encodeURIComponent(phone)}&src=${source}`; // $ Alert[no-pii-in-url]
}

export function callbackFormLinkForLead(lead: Lead, source: 'ivr' | 'web'): string {
  return `/callbacks/new?lead=${lead.id}&src=${source}`; // safe: a lead id in the query
}

export function callbackFormHint(phone: string): string {
  return `/callbacks/new?hint=${maskPhone(phone)}`; // safe: masked before it enters the URL
}

export const leadHistoryKey = (lead: Lead): string => `${PORTAL}/api/leads/history?msisdn=${lead.msisdn}`; // $ Alert[no-pii-in-url]

export const leadHistoryKeyById = (lead: Lead): string => `${PORTAL}/api/leads/${lead.id}/history`; // safe: an id in the path

export function verifyEmailLink(lead: Lead): string {
  return `https://portal.acme-contact.com/account/verify/${lead.email}`; // $ Alert[no-pii-in-url]
}

export function dialLink(lead: Lead): string {
  return `tel:${lead.msisdn}`; // safe: a tel: link requests nothing
}

export function announce(lead: Lead): string {
  return `Calling ${lead.msisdn} for campaign ${lead.campaignId}`; // safe: a message, not a URL
}

export function leadCacheKey(lead: Lead): string {
  return `lead:${lead.msisdn}:campaign=${lead.campaignId}`; // safe: a cache key, not a URL
}

export function exportFileName(lead: Lead): string {
  return `/exports/${lead.msisdn}.csv`; // safe: a file path without a query string
}

export function useLeadByPhone(phone: string | undefined) {
  return useSWR(phone ? `/api/leads/lookup?phone=${phone}` : null, fetcher); // $ Alert[no-pii-in-url]
}

export function useLead(leadId: string | undefined) {
  return useSWR(leadId ? `/api/leads/${leadId}?expand=calls` : null, fetcher); // safe: an id
}

export function prefetchCustomer(prefetch: (key: string) => void, lead: Lead): void {
  prefetch(`/api/customers?email=${encodeURIComponent(lead.email)}`); // $ Alert[no-pii-in-url]
  prefetch(`/api/customers?campaign=${lead.campaignId}`); // safe: a campaign id
  console.warn(`/api/customers?email=${lead.email}`); // safe: a log call is the log rule's concern, not a URL that is requested
}
