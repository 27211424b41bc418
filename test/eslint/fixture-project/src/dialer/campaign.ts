// Outbound campaign worker: preview dialling and SMS reminders.
import twilio from 'twilio';
import { hasConsent, registry } from '@acme/compliance';
import type { Lead } from '../types.js';
import { placeCall } from './place-call.js';

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

export async function dialLead(lead: Lead): Promise<string | undefined> {
  if (!(await hasConsent(lead.phone))) return undefined;
  return placeCall(lead.phone);
}

export async function redialLead(lead: Lead): Promise<string | undefined> {
  if (!(await registry.isReachable(lead.phone))) return undefined; // a consent check named in piiguard.config.json
  return placeCall(lead.phone);
}

export async function sendReminder(lead: Lead): Promise<void> {
  await client.messages.create({ to: lead.phone, from: '+15555550100', body: 'Your callback is booked for 3pm.' }); // $ Alert[require-consent-check]
}

export function sendReminders(leads: Lead[]): void {
  leads
    .filter((l) => l.smsOptIn)
    .forEach((l) => client.messages.create({ to: l.phone, from: '+15555550100', body: 'Reminder: callback at 3pm.' })); // safe: filtered on opt-in
}
