// Queue view of the agent desk: click-to-call links made by small helpers, and a request helper of our own
// whose body is in the project (its fetch is where the URL is checked, not each call of the helper).
import { maskPhone } from '@acme/pii';

interface WaitingCall {
  callSid: string;
  callerId: string;
  email: string;
  queue: string;
}

export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`; // safe: a tel: link requests nothing

export function mailHref(email: string, subject: string): string {
  return `mailto:${email}?subject=${encodeURIComponent(subject)}`; // safe: a mailto: link requests nothing
}

export function callerPageHref(callerId: string): string {
  return `/callers?number=${encodeURIComponent(callerId)}`; // $ Alert[no-pii-in-url]
}

export function lookupHref(ref: string): string {
  return `/lookup?ref=${encodeURIComponent(ref)}`; // $ Alert[no-pii-in-url]
}

const API = 'https://desk-api.acme-contact.com';

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${API}${path}`, { credentials: 'include' }); // $ Alert[no-pii-in-url]
  return (await res.json()) as T;
}

export function callerHistory(call: WaitingCall): Promise<unknown[]> {
  return api<unknown[]>(`/history/${encodeURIComponent(call.callerId)}`); // safe: reported inside api(), where the request is made
}

export function queueStats(call: WaitingCall): Promise<unknown> {
  return api(`/queues/${call.queue}/stats`); // safe: a queue name
}

export function WaitingRow({ call }: { call: WaitingCall }) {
  return (
    <tr>
      <td>
        <a
          href={telHref(call.callerId)} // safe: the helper returns a tel: link
          title="Call back"
        >
          {maskPhone(call.callerId)}
        </a>
      </td>
      <td>
        <a
          href={mailHref(call.email, `Your call ${call.callSid}`)} // safe: the helper returns a mailto: link
        >
          Email
        </a>
      </td>
      <td>
        <a
          href={callerPageHref(call.callerId)} // safe: reported in the helper, where the number goes into the URL
        >
          History
        </a>
      </td>
      <td>
        <a
          href={lookupHref(call.callerId)} // safe: reported in the helper, which is given the number here
        >
          Lookup
        </a>
      </td>
      <td>
        <a
          href={lookupHref(call.callSid)} // safe: a call SID
        >
          Call
        </a>
      </td>
    </tr>
  );
}
