// IVR provisioning and TwiML: the URLs Twilio will POST call data (From, To, digits, recordings) to.
import twilio from 'twilio';
import { hasConsent } from '@acme/compliance';

const { VoiceResponse } = twilio.twiml;
const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const BASE_URL = process.env.PUBLIC_BASE_URL ?? '';

export async function provisionNumber(numberSid: string): Promise<void> {
  await client.incomingPhoneNumbers(numberSid).update({
    voiceUrl: 'http://ivr.acme-contact.com/voice/inbound', // $ Alert[no-plaintext-transport]
    voiceMethod: 'POST',
    voiceFallbackUrl: 'https://ivr-dr.acme-contact.com/voice/inbound', // safe: https
    smsUrl: `${BASE_URL}/sms/inbound`, // safe: env-driven
    statusCallback: 'http://ivr.acme-contact.com/voice/status', // $ Alert[no-plaintext-transport]
  });
}

export async function createVoiceApp(): Promise<string> {
  const app = await client.applications.create({
    friendlyName: 'Outbound campaigns',
    voiceUrl: 'https://ivr.acme-contact.com/voice/outbound', // safe: https
    statusCallback: 'https://ivr.acme-contact.com/voice/status', // safe: https
  });
  return app.sid;
}

export async function moveToSurvey(callSid: string): Promise<void> {
  await client.calls(callSid).update({
    url: 'http://ivr.acme-contact.com/voice/survey', // $ Alert[no-plaintext-transport]
    method: 'POST',
  });
}

export async function callWithConsent(lead: { id: string; phone: string }): Promise<void> {
  if (!(await hasConsent(lead.phone))) return;
  await client.calls.create({
    to: lead.phone,
    from: process.env.TWILIO_CALLER_ID ?? '',
    url: 'http://dialer.acme-contact.com/twiml/outbound', // $ Alert[no-plaintext-transport]
    statusCallback: 'https://dialer.acme-contact.com/twilio/status', // safe: https
  });
}

export function mainMenu(): string {
  const vr = new VoiceResponse();
  const gather = vr.gather({
    action: 'http://ivr.acme-contact.com/voice/menu', // $ Alert[no-plaintext-transport]
    numDigits: 1,
    timeout: 5,
  });
  gather.say('For billing press 1. For support press 2.');
  vr.redirect({ method: 'POST' }, '/voice/main-menu'); // safe: relative URL on the same (https) host
  return vr.toString();
}

export function transferToAgent(queueName: string): string {
  const vr = new VoiceResponse();
  const dial = vr.dial({
    action: '/voice/after-dial', // safe: relative URL
    record: 'record-from-answer',
    recordingStatusCallback: 'http://recordings.acme-contact.com/twilio/recording', // $ Alert[no-plaintext-transport]
  });
  dial.queue({ url: 'https://ivr.acme-contact.com/voice/whisper' }, queueName); // safe: https
  return vr.toString();
}

export function voicemail(): string {
  const vr = new VoiceResponse();
  vr.record({
    maxLength: 120,
    action: `${BASE_URL}/voice/voicemail-done`, // safe: env-driven
    recordingStatusCallback: 'http://localhost:3000/dev/recording', // safe: loopback dev
  });
  return vr.toString();
}

// Our own outbound integrations: any *Url / *Webhook / *Callback / endpoint property.
export const integrations = {
  crmWebhook: 'http://crm.acme-contact.com/hooks/call-ended', // $ Alert[no-plaintext-transport]
  qaCallback: 'http://qa.acme-contact.com/hooks/scored', // $ Alert[no-plaintext-transport]
  transcriptionEndpoint: 'http://asr.acme-contact.com/v1/transcribe', // $ Alert[no-plaintext-transport]
  analyticsEndpoint: 'https://analytics.acme-contact.com/v1/events', // safe: https
  sandboxWebhook: 'http://hooks.example.com/call-ended', // $ Alert[no-plaintext-transport] (a placeholder host keeps its plaintext scheme)
};

// XML namespaces are identifiers, not endpoints.
export function soapEnvelope(body: string): string {
  const ns = {
    'xmlns:soapenv': 'http://schemas.xmlsoap.org/soap/envelope/', // safe: XML namespace
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', // safe: XML namespace
    'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema', // safe: XML namespace
  };
  const attrs = Object.entries(ns).map(([k, v]) => `${k}="${v}"`).join(' ');
  return `<soapenv:Envelope ${attrs}><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

export const leadSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#', // safe: JSON Schema identifier
  type: 'object',
  properties: { leadId: { type: 'string' } },
};
