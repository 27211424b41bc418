import { API_BASE } from './config';

export interface Verdict {
  allowed: boolean;
  reason: string | null;
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${API_BASE}${path}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} failed with HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Server-side compliance verdict (DNC, consent, calling hours) for a number the agent wants to call. */
export function requestVerdict(phoneNumber: string): Promise<Verdict> {
  return postJson<Verdict>('/dial/verdict', { phoneNumber });
}

export function clickToDial(phoneNumber: string, contactId?: string): Promise<{ callId: string }> {
  return postJson<{ callId: string }>('/dial', { phoneNumber, contactId });
}
