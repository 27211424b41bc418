import type { E164 } from './types';

/** Paths inside the agent workspace. Shared by the screen-pop, search and wrap-up views. */

export const customerHref = (customerId: string) => `/agent/customers/${customerId}`; // safe: no-pii-in-url — internal customer id in the path

export const recordingHref = (recordingSid: string) => `/agent/recordings/${recordingSid}`; // safe: no-pii-in-url — Twilio recording SID

export function callHistoryHref(phone: E164, days = 30): string {
  return `/agent/history?phone=${encodeURIComponent(phone)}&days=${days}`; // expect: no-pii-in-url
}

export function wrapUpHref(callSid: string, disposition?: string): string {
  const params = new URLSearchParams({ callSid }); // safe: no-pii-in-url — call SID only
  if (disposition) params.set('disposition', disposition);
  return `/agent/wrap-up?${params.toString()}`;
}

export function queueDashboardHref(team: string, from: Date, to: Date): string {
  const params = new URLSearchParams({ team, from: from.toISOString(), to: to.toISOString() }); // safe: no-pii-in-url — from/to are a date range, not numbers
  return `/agent/queues?${params}`;
}
