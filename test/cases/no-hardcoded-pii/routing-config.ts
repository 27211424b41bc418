// IVR routing for the Berlin and Chicago sites: trunks, queues and versions are full of digits that are not
// phone numbers; the VIP list and the callback announcement are real numbers somebody typed in.
import twilio from 'twilio';

const { VoiceResponse } = twilio.twiml;

export const routing = {
  version: '4.17.21', // safe: a version
  schemaRevision: '2024.06.15', // safe: a date
  sipPort: '5060', // safe: a port
  rtpPortRange: '10000-20000', // safe: a port range
  trunkHost: '10.40.12.7', // safe: an IP address
  trunkSid: 'TK0f3c2e9d8b7a6f5e4d3c2b1a09f8e7d6', // safe: a SID
  workflowSid: 'WW4716283910455574aa0c2e9d8b7a6f5e', // safe: a SID, digits glued to letters
  correlationId: '550e8400-e29b-41d4-a716-446655440000', // safe: a UUID
  deployedAtMs: '1718445600000', // safe: a timestamp in milliseconds
  ticket: 'ORD-4155552671', // safe: an order number
  apiBase: 'https://api.twilio.com/2010-04-01/Accounts', // safe: an API version date
  oid: '1.2.840.113549.1.1.11', // safe: an object identifier
};

// Callers who get the priority queue, added by hand during an escalation.
const VIP_CALLERS = new Set(['+49 30 28437195', '+13125558841']); // $ Alert[no-hardcoded-pii]
const VIP_FALLBACK = 'tel:+447424839215'; // $ Alert[no-hardcoded-pii]

export function priorityFor(from: string, queueSize: number): number {
  if (VIP_CALLERS.has(from)) return 10;
  if (from === '+919820147362') return 8; // $ Alert[no-hardcoded-pii]
  if (from === '+12025550188') return 5; // safe: fiction range used by the QA script
  return queueSize > 20 ? 1 : 3;
}

export function announceCallback(slot: string, queueSid: string, waiting: number): string {
  const vr = new VoiceResponse();
  vr.say(`Your callback to +49 171 8392046 is booked for ${slot}.`); // $ Alert[no-hardcoded-pii]
  vr.say(`Queue ${queueSid} has ${waiting} callers waiting.`); // safe: no number in the text
  vr.say(`Press 1 to keep your place, or 2 to be called back within 30 minutes.`); // safe: menu digits
  vr.dial({ callerId: '+15005550006', timeout: 20 }, VIP_FALLBACK); // safe: Twilio magic test number
  return vr.toString();
}

export function businessHours(site: 'berlin' | 'chicago'): { open: string; close: string } {
  return site === 'berlin' ? { open: '08:00', close: '20:00' } : { open: '07:00', close: '19:00' }; // safe: times
}

export const SHORT_CODES = ['72786', '22395']; // safe: SMS short codes are service numbers
export const DTMF_TIMEOUT_MS = '3500'; // safe: a duration
