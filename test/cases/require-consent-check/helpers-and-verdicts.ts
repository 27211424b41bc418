// Outreach service of a contact center: MessageBird and Pinpoint SMS, Bandwidth calls whose request body a
// helper builds, and guards that ask a compliance service for a verdict on the number.
import { PinpointClient, SendMessagesCommand, type AddressConfiguration } from '@aws-sdk/client-pinpoint';
import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { CallsApi, Configuration, type CreateCall } from 'bandwidth-sdk';
import { initClient } from 'messagebird';

interface Contact {
  id: string;
  phone: string;
  smsOptIn: boolean;
}

interface Verdict {
  allowed: boolean;
  reason?: string;
}

declare function requestVerdict(phone: string, channel: 'sms' | 'voice'): Promise<Verdict>;
declare function rateLimiter(key: string): Promise<{ allowed: boolean }>;
declare function isOnDnc(phone: string): Promise<boolean>;
declare function lookupPhone(contactId: string): Promise<string>;

const messagebird = initClient(process.env.MESSAGEBIRD_KEY ?? '');
const pinpoint = new PinpointClient({});
const smsVoice = new PinpointSMSVoiceV2Client({});
const callsApi = new CallsApi(new Configuration({ username: 'api', password: process.env.BW_PASSWORD ?? '' }));
const ACCOUNT = process.env.BW_ACCOUNT_ID ?? '';

// ---- MessageBird: recipients in the params, a callback second ---------------------------------

export function remind(contact: Contact): Promise<void> {
  return new Promise((resolve, reject) => {
    messagebird.messages.create( // $ Alert[require-consent-check]
      { originator: 'AcmeCare', recipients: [contact.phone], body: 'Your appointment is tomorrow.' },
      (err: Error | null) => (err ? reject(err) : resolve()),
    );
  });
}

export function remindOptedIn(contact: Contact): Promise<void> {
  if (!contact.smsOptIn) return Promise.resolve();
  return new Promise((resolve, reject) => {
    messagebird.messages.create( // safe: the contact's opt-in returns early above
      { originator: 'AcmeCare', recipients: [contact.phone], body: 'Your appointment is tomorrow.' },
      (err: Error | null) => (err ? reject(err) : resolve()),
    );
  });
}

// ---- a verdict from the compliance service ----------------------------------------------------

export async function textIfAllowed(phone: string): Promise<void> {
  const verdict = await requestVerdict(phone, 'sms');
  if (!verdict.allowed) return;
  await smsVoice.send(new SendTextMessageCommand({ DestinationPhoneNumber: phone, MessageBody: 'We tried to reach you.' })); // safe: the verdict on this number returns early above
}

export async function textIfAllowedInline(phone: string): Promise<void> {
  if ((await requestVerdict(phone, 'sms')).allowed) {
    await smsVoice.send(new SendTextMessageCommand({ DestinationPhoneNumber: phone, MessageBody: 'We tried to reach you.' })); // safe: wrapped in the verdict on this number
  }
}

export async function textUnderRateLimit(phone: string, tenant: string): Promise<void> {
  // A rate limiter's `allowed` is about the tenant, not about this number.
  const quota = await rateLimiter(tenant);
  if (!quota.allowed) return;
  await smsVoice.send(new SendTextMessageCommand({ DestinationPhoneNumber: phone, MessageBody: 'We tried to reach you.' })); // $ Alert[require-consent-check]
}

// ---- check functions named for their channel --------------------------------------------------

declare function smsAllowed(phone: string): Promise<boolean>;

export async function sendLink(phone: string, link: string): Promise<void> {
  if (!(await smsAllowed(phone))) return;
  await smsVoice.send(new SendTextMessageCommand({ DestinationPhoneNumber: phone, MessageBody: link })); // safe: smsAllowed(phone) returns early above
}

export async function sendLinkUnchecked(phone: string, link: string): Promise<void> {
  await smsVoice.send(new SendTextMessageCommand({ DestinationPhoneNumber: phone, MessageBody: link })); // $ Alert[require-consent-check]
}

// ---- a helper that throws or returns the number -----------------------------------------------

class ConsentDenied extends Error {}

async function requireSmsPermission(contact: Contact): Promise<string> {
  if (!contact.smsOptIn) throw new ConsentDenied(contact.id);
  if (await isOnDnc(contact.phone)) throw new ConsentDenied(contact.id);
  return contact.phone;
}

async function phoneOf(contact: Contact): Promise<string> {
  return lookupPhone(contact.id);
}

export async function agentText(contact: Contact, body: string): Promise<void> {
  const phone = await requireSmsPermission(contact);
  await smsVoice.send(new SendTextMessageCommand({ DestinationPhoneNumber: phone, MessageBody: body })); // safe: requireSmsPermission throws unless the contact may be texted
}

export async function agentTextLookup(contact: Contact, body: string): Promise<void> {
  const phone = await phoneOf(contact);
  await smsVoice.send(new SendTextMessageCommand({ DestinationPhoneNumber: phone, MessageBody: body })); // $ Alert[require-consent-check]
}

// ---- Pinpoint: a map keyed by the numbers -----------------------------------------------------

export async function surveyAll(contacts: Contact[]): Promise<void> {
  const addresses: Record<string, AddressConfiguration> = {};
  for (const contact of contacts) {
    addresses[contact.phone] = { ChannelType: 'SMS' };
  }
  await pinpoint.send(new SendMessagesCommand({ // $ Alert[require-consent-check]
    ApplicationId: 'app',
    MessageRequest: { Addresses: addresses, MessageConfiguration: { SMSMessage: { Body: 'How did we do?' } } },
  }));
}

export async function surveyOptedIn(contacts: Contact[]): Promise<void> {
  const addresses: Record<string, AddressConfiguration> = {};
  for (const contact of contacts) {
    if (!contact.smsOptIn) continue;
    addresses[contact.phone] = { ChannelType: 'SMS' };
  }
  await pinpoint.send(new SendMessagesCommand({ // safe: each number is put into the map only after its contact's opt-in
    ApplicationId: 'app',
    MessageRequest: { Addresses: addresses, MessageConfiguration: { SMSMessage: { Body: 'How did we do?' } } },
  }));
}

export async function surveyOne(contact: Contact): Promise<void> {
  await pinpoint.send(new SendMessagesCommand({ // $ Alert[require-consent-check]
    ApplicationId: 'app',
    MessageRequest: { Addresses: { [contact.phone]: { ChannelType: 'SMS' } }, MessageConfiguration: { SMSMessage: { Body: 'Hi' } } },
  }));
}

export async function surveyOneOptedIn(contact: Contact): Promise<void> {
  if (!contact.smsOptIn) return;
  await pinpoint.send(new SendMessagesCommand({ // safe: the contact's opt-in returns early above
    ApplicationId: 'app',
    MessageRequest: { Addresses: { [contact.phone]: { ChannelType: 'SMS' } }, MessageConfiguration: { SMSMessage: { Body: 'Hi' } } },
  }));
}

// ---- Bandwidth: the request body built by a helper --------------------------------------------

function callBody(to: string, answerUrl: string): CreateCall {
  return { to, from: process.env.BW_NUMBER ?? '', applicationId: 'voice-app', answerUrl };
}

export async function callBack(contact: Contact): Promise<void> {
  await callsApi.createCall(ACCOUNT, callBody(contact.phone, 'https://ivr.acme-care.com/answer')); // $ Alert[require-consent-check]
}

async function placeAgentCall(to: string): Promise<void> {
  await callsApi.createCall(ACCOUNT, callBody(to, 'https://ivr.acme-care.com/answer')); // safe: its only caller asks for a verdict on the number first
}

export async function clickToDial(phone: string): Promise<void> {
  const verdict = await requestVerdict(phone, 'voice');
  if (!verdict.allowed) throw new Error('blocked');
  await placeAgentCall(phone);
}
