// Callback scheduler: customers asked for a call back; the consent gate lives in consent-gate.ts.
import twilio from 'twilio';
import {
  assertDialable,
  DoNotCallError,
  isQuietHours,
  noteConsentGap,
  requireReachable,
  withoutDoNotCall,
} from './consent-gate.js';

interface CallbackJob {
  id: string;
  leadId: string;
  phone: string;
  timeZone: string;
  attempts: number;
}

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const FROM = process.env.TWILIO_CALLER_ID ?? '';
const TWIML_URL = 'https://callbacks.acme-contact.com/twiml/callback';

export async function runDueCallbacks(due: CallbackJob[]): Promise<string[]> {
  const placed: string[] = [];
  for (const job of due) {
    if (isQuietHours(job.timeZone)) continue;
    try {
      await assertDialable(job.phone, job.leadId);
    } catch (err) {
      if (err instanceof DoNotCallError) continue;
      throw err;
    }
    const call = await client.calls.create({ to: job.phone, from: FROM, url: TWIML_URL }); // safe: imported assertion, skip on throw
    placed.push(call.sid);
  }
  return placed;
}

export async function runCleanBatch(due: CallbackJob[]): Promise<void> {
  for (const job of await withoutDoNotCall(due)) {
    await client.calls.create({ to: job.phone, from: FROM, url: TWIML_URL }); // safe: list filtered by imported helper
  }
}

export async function confirmBySms(job: CallbackJob, slot: string): Promise<void> {
  await requireReachable(job.phone, job.leadId);
  await client.messages.create({ to: job.phone, from: FROM, body: `We will call you back at ${slot}.` }); // safe: imported assertion with a neutral name
}

// The imported helper only records the gap.
export async function retryCallback(job: CallbackJob): Promise<string> {
  await noteConsentGap(job.phone, job.leadId);
  const call = await client.calls.create({ to: job.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
  return call.sid;
}

// Quiet hours respected, consent never checked.
export async function urgentCallback(job: CallbackJob): Promise<string | undefined> {
  if (isQuietHours(job.timeZone)) return undefined;
  const call = await client.calls.create({ to: job.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
  return call.sid;
}

// Not dialling: cancelling a queued callback.
export async function cancelQueued(callSid: string): Promise<void> {
  await client.calls(callSid).update({ status: 'canceled' }); // safe: updates an existing call
}
