// Error tags for the outbound dialer. Tags and extras are searchable in Sentry by everyone on the project; a
// masked hint or a keyed pseudonym identifies the call well enough, the number itself must not go there.
import * as Sentry from '@sentry/node';
import { createHmac } from 'node:crypto';
import { customerPseudonym, normalizePhone } from '@acme/pii';

interface OutboundCall {
  sid: string;
  customerPhone: string;
  agentId: string;
}

const TAG_KEY = process.env.SENTRY_TAG_HMAC_KEY ?? '';

function redactNumber(phone: string): string {
  return `${phone.slice(0, 3)}•••${phone.slice(-2)}`;
}

/** Same digest for the same number, unreadable without the key. */
function callerKey(phone: string): string {
  return createHmac('sha256', TAG_KEY).update(phone).digest('base64url');
}

function describeCall(call: OutboundCall): string {
  return `call ${call.sid} to ${call.customerPhone}`;
}

export function tagCall(call: OutboundCall): void {
  Sentry.setTag('call_sid', call.sid); // safe: a call SID
  Sentry.setTag('destination', call.customerPhone); // $ Alert[no-pii-to-third-party]
  Sentry.setTag('destination_hint', redactNumber(call.customerPhone)); // safe: redacted by a local helper
  Sentry.setTag('destination_key', callerKey(call.customerPhone)); // safe: keyed HMAC, recognised by the helper's body
  Sentry.setTag('destination_ref', customerPseudonym(call.customerPhone)); // safe: a pseudonym helper, recognised by its name
  Sentry.setTag('destination_e164', normalizePhone(call.customerPhone)); // $ Alert[no-pii-to-third-party]
  Sentry.setExtra('call', describeCall(call)); // $ Alert[no-pii-to-third-party]
  Sentry.withScope((scope) => {
    scope.setExtra('agent', call.agentId); // safe: an agent id
    scope.setExtra('to_hint', redactNumber(call.customerPhone)); // safe: redacted
    Sentry.captureMessage('outbound call failed');
  });
}
