// Guard shapes around a single call, each safe shape next to the mistake it is easily confused with.
import twilio from 'twilio';
import { consentService, consentStore, dnc, metrics } from '@acme/compliance';

interface Lead {
  id: string;
  phone: string;
  mobile: string;
  consent: boolean;
  doNotCall: boolean;
  optedOut: boolean;
  smsOptIn: boolean;
  vip: boolean;
  referrer?: Lead;
}

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const FROM = process.env.TWILIO_CALLER_ID ?? '';
const TWIML_URL = 'https://dialer.acme-contact.com/twiml/campaign';

/** Answers the question; never throws. */
async function hasConsent(phone: string): Promise<boolean> {
  return consentStore.has(phone);
}

// Early return.
export async function dialEarlyReturn(lead: Lead): Promise<void> {
  if (!(await hasConsent(lead.phone))) return;
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // safe: early return
}

export async function dialCheckedOtherCustomer(lead: Lead, referrer: Lead): Promise<void> {
  if (!(await hasConsent(referrer.phone))) return;
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
}

export async function dialCheckedOtherNumber(lead: Lead): Promise<void> {
  if (!(await hasConsent(lead.mobile))) return;
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
}

// Early throw.
export async function dialOrThrow(lead: Lead): Promise<void> {
  if (await dnc.isListed(lead.phone)) throw new Error('lead is on the do-not-call list');
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // safe: early throw
}

export async function dialThenCheck(lead: Lead): Promise<void> {
  const call = await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
  if (await dnc.isListed(lead.phone)) await client.calls(call.sid).update({ status: 'canceled' });
}

// Check whose result is ignored.
export async function dialAfterIgnoredCheck(lead: Lead): Promise<void> {
  await hasConsent(lead.phone);
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
}

export async function dialAfterCountedCheck(lead: Lead): Promise<void> {
  const allowed = await hasConsent(lead.phone);
  metrics.increment(allowed ? 'dialer.consent_ok' : 'dialer.consent_missing');
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
}

// Wrapping if; the same customer object's flag.
export async function textIfOptedIn(lead: Lead): Promise<void> {
  if (lead.smsOptIn) {
    await client.messages.create({ to: lead.mobile, from: FROM, body: 'Your agent calls at 3 pm. Reply STOP to opt out.' }); // safe: wrapping if
  }
}

export async function dialUnlessDnc(lead: Lead): Promise<void> {
  if (lead.doNotCall) return;
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // safe: same lead's flag
}

export async function dialReferral(lead: Lead): Promise<void> {
  if (!lead.referrer || lead.referrer.doNotCall) return;
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
}

// Consent recorded per customer id: same object as the number.
export async function dialByCustomerConsent(lead: Lead): Promise<void> {
  if (!(await consentService.canCall(lead.id))) return;
  await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // safe: same lead's id
}

// `&&`.
export async function textIfConsented(lead: Lead): Promise<unknown> {
  return lead.consent && client.messages.create({ to: lead.phone, from: FROM, body: 'Your quote is ready.' }); // safe: && guard
}

export async function textVipOrConsented(lead: Lead): Promise<unknown> {
  return (lead.vip || lead.consent) && client.messages.create({ to: lead.phone, from: FROM, body: 'Your quote is ready.' }); // $ Alert[require-consent-check]
}

// Ternary.
export async function dialOrSkip(lead: Lead): Promise<unknown> {
  return (await hasConsent(lead.phone)) ? client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }) : null; // safe: ternary
}

export async function dialPrimaryOrMobile(lead: Lead): Promise<void> {
  const to = (await hasConsent(lead.phone)) ? lead.phone : lead.mobile;
  await client.calls.create({ to, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
}

export async function dialWithoutAwait(lead: Lead): Promise<void> {
  // a Promise is always truthy: the check never blocks the call
  if (hasConsent(lead.phone)) {
    await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
  }
}

export async function dialAndWithoutAwait(lead: Lead): Promise<void> {
  // the same mistake in an `&&`
  return hasConsent(lead.phone) && (await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }), undefined); // $ Alert[require-consent-check]
}

// Known gap.
export async function winBackOptedOut(lead: Lead): Promise<void> {
  // inverted flag: texts exactly the people who opted out; the engine only sees that a check is there
  if (lead.optedOut) {
    await client.messages.create({ to: lead.mobile, from: FROM, body: 'We miss you! 20% off.' }); // $ MISSING: Alert[require-consent-check]
  }
}
