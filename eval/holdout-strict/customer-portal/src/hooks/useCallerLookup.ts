import useSWR from 'swr';
import type { CallSummaryRow, Customer, E164 } from '@/lib/types';

async function fetcher<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`GET ${new URL(url, window.location.origin).pathname} failed: ${res.status}`);
  return (await res.json()) as T;
}

/** Used by the manual "look up a number" box in the agent workspace. */
export function useCallerLookup(phone: E164 | null) {
  return useSWR<Customer | null>(phone ? `/api/agent/lookup?phone=${encodeURIComponent(phone)}` : null, fetcher); // expect: no-pii-in-url
}

/** Used by the screen-pop, which receives an opaque token from the queue service. */
export function useScreenPop(lookupToken: string | undefined) {
  return useSWR<Customer | null>(lookupToken ? `/api/agent/lookup?token=${lookupToken}` : null, fetcher); // safe: no-pii-in-url — opaque lookup token instead of the number
}

export function useCallHistory(customerId: string) {
  return useSWR<CallSummaryRow[]>(`/api/agent/customers/${customerId}/calls?limit=20`, fetcher); // safe: no-pii-in-url — customer id
}

export function useCallSummary(callSid: string | null) {
  return useSWR<{ summary: string; sentiment: string }>(callSid ? `/api/agent/calls/${callSid}/summary` : null, fetcher); // safe: no-pii-in-url — call SID
}
