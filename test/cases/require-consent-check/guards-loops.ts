// Guard shapes over call lists: continue, filter then forEach / for-of, and their look-alikes.
import twilio from 'twilio';
import { consentStore, dncRegistry, metrics } from '@acme/compliance';

interface Lead {
  id: string;
  phone: string;
  consent: boolean;
  doNotCall: boolean;
  region: string;
}

type CampaignKind = 'marketing' | 'service';

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const FROM = process.env.TWILIO_CALLER_ID ?? '';
const TWIML_URL = 'https://dialer.acme-contact.com/twiml/campaign';

/** Drops every lead whose number is on the national or internal do-not-call list. */
async function filterDnc(leads: Lead[]): Promise<Lead[]> {
  const listed = await dncRegistry.lookupMany(leads.map((l) => l.phone));
  return leads.filter((l) => !listed.has(l.phone));
}

// continue
export async function runPowerDialer(leads: Lead[]): Promise<void> {
  for (const lead of leads) {
    if (lead.doNotCall) continue;
    await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // safe: continue on DNC
  }
}

export async function runMixedCampaign(leads: Lead[], kind: CampaignKind): Promise<void> {
  for (const lead of leads) {
    if (kind === 'marketing') {
      if (!(await consentStore.hasConsent(lead.phone))) continue;
    }
    await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
  }
}

// filter(...).forEach(...)
export function blastConsented(leads: Lead[], body: string): void {
  leads
    .filter((l) => l.consent)
    .forEach((l) => {
      void client.messages.create({ to: l.phone, from: FROM, body }); // safe: list filtered on consent
    });
}

export function blastRegion(leads: Lead[], body: string): void {
  leads
    .filter((l) => l.region === 'US-East')
    .forEach((l) => {
      void client.messages.create({ to: l.phone, from: FROM, body }); // $ Alert[require-consent-check]
    });
}

// for-of over a filtered list
export async function dialCleanList(leads: Lead[]): Promise<void> {
  for (const lead of await filterDnc(leads)) {
    await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // safe: list passed through filterDnc
  }
}

export async function dialCallable(leads: Lead[]): Promise<void> {
  const callable = leads.filter((l) => !l.doNotCall);
  for (const lead of callable) {
    await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // safe: iterates the filtered list
  }
}

export async function dialOriginalListAfterFilter(leads: Lead[]): Promise<void> {
  const callable = leads.filter((l) => !l.doNotCall);
  metrics.gauge('dialer.callable', callable.length);
  for (const lead of leads) {
    await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
  }
}

// map without any check
export async function textEveryone(leads: Lead[], body: string): Promise<void> {
  await Promise.all(leads.map((l) => client.messages.create({ to: l.phone, from: FROM, body }))); // $ Alert[require-consent-check]
}

export async function textConsented(leads: Lead[], body: string): Promise<void> {
  const consented = leads.filter((l) => l.consent);
  await Promise.all(consented.map((l) => client.messages.create({ to: l.phone, from: FROM, body }))); // safe: maps the filtered list
}

// An index loop with the check inside.
export async function dialByIndex(leads: Lead[]): Promise<void> {
  for (let i = 0; i < leads.length; i++) {
    const lead = leads[i];
    if (!lead || !(await consentStore.hasConsent(lead.phone))) continue;
    await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // safe: continue on consent
  }
}

// The check skips the lead only after the call has been placed.
export async function dialThenSkip(leads: Lead[]): Promise<void> {
  for (const lead of leads) {
    await client.calls.create({ to: lead.phone, from: FROM, url: TWIML_URL }); // $ Alert[require-consent-check]
    if (lead.doNotCall) continue;
    metrics.increment('dialer.placed');
  }
}
