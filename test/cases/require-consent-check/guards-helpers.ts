// Guards through helpers: assertion functions recognised by their bodies, and checks in every caller.
import twilio from 'twilio';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { consentStore, dnc, metrics } from '@acme/compliance';

interface Lead {
  id: string;
  phone: string;
  mobile: string;
  doNotCall: boolean;
}

interface Ticket {
  id: string;
  customerPhone: string;
}

class ConsentError extends Error {
  override name = 'ConsentError';
}

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const FROM = process.env.TWILIO_CALLER_ID ?? '';
const TWIML_URL = 'https://dialer.acme-contact.com/twiml/callback';

/** Neutral name; throws when the number may not be called. */
async function ensureAllowed(phone: string): Promise<void> {
  if (await dnc.isListed(phone)) throw new ConsentError('number is on the do-not-call list');
  if (!(await consentStore.hasConsent(phone))) throw new ConsentError('no recorded consent');
}

/** Reads like an assertion, but only counts a metric. */
async function assertConsent(phone: string): Promise<void> {
  if (!(await consentStore.hasConsent(phone))) metrics.increment('dialer.consent_missing');
}

/** Throws, but about the format of the number, not about consent. */
function ensureValidNumber(phone: string): void {
  if (!isValidPhoneNumber(phone)) throw new RangeError('not a valid phone number');
}

export async function callbackWithAssertion(lead: Lead): Promise<void> {
  await ensureAllowed(lead.phone);
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // safe: throwing assertion helper
}

export async function callbackWithSoftAssertion(lead: Lead): Promise<void> {
  await assertConsent(lead.phone);
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
}

export async function callbackWithFormatCheck(lead: Lead): Promise<void> {
  ensureValidNumber(lead.phone);
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
}

export async function callbackAssertedOtherNumber(lead: Lead): Promise<void> {
  await ensureAllowed(lead.mobile);
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
}

// A dial helper whose every caller checks the number it passes.
async function dial(phone: string): Promise<string> {
  const call = await client.calls.create({ to: phone, from: FROM, url: TWIML_URL }); // safe: every caller checks
  return call.sid;
}

export async function redialMissed(lead: Lead): Promise<string | undefined> {
  if (!(await consentStore.hasConsent(lead.phone))) return undefined;
  return dial(lead.phone);
}

export async function scheduledCallback(lead: Lead): Promise<string> {
  await ensureAllowed(lead.phone);
  return dial(lead.phone);
}

// The same helper shape, but one caller forgets the check.
async function ring(phone: string): Promise<string> {
  const call = await client.calls.create({ to: phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
  return call.sid;
}

export async function retryBusy(lead: Lead): Promise<string | undefined> {
  if (lead.doNotCall) return undefined;
  return ring(lead.phone);
}

export async function escalateTicket(ticket: Ticket): Promise<string> {
  return ring(ticket.customerPhone);
}
