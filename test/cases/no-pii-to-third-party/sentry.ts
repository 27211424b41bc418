// Error tracking for the dialer service. Sentry keeps events for months and shows them to everyone on the project.
import * as Sentry from '@sentry/node';
import express from 'express';
import twilio from 'twilio';
import { hasConsent } from '@acme/compliance';
import { maskPhone } from '@acme/pii';

interface Lead {
  id: string;
  campaignId: string;
  phone: string;
  ssn?: string;
}

interface Agent {
  id: string;
  extension: string;
}

Sentry.init({ dsn: process.env.SENTRY_DSN, sendDefaultPii: false });
const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

export function bindAgent(agent: Agent): void {
  Sentry.setUser({ id: agent.id }); // safe: agent id
  Sentry.setTag('extension', agent.extension); // safe: an internal extension
}

export async function dial(lead: Lead, agent: Agent): Promise<void> {
  Sentry.setUser({ id: lead.id, phone: lead.phone }); // $ Alert[no-pii-to-third-party]
  Sentry.setExtra('phone', lead.phone); // $ Alert[no-pii-to-third-party]
  Sentry.setExtra('campaign', lead.campaignId); // safe: campaign id
  Sentry.setContext('lead', { id: lead.id, ssn: lead.ssn }); // $ Alert[no-pii-to-third-party]
  Sentry.setContext('lead', { id: lead.id, campaign: lead.campaignId }); // safe: ids
  try {
    if (!(await hasConsent(lead.phone))) return;
    await client.calls.create({ to: lead.phone, from: process.env.TWILIO_CALLER_ID ?? '', url: 'https://dialer.acme-contact.com/twiml' });
  } catch (err) {
    Sentry.captureException(err, { extra: { phone: lead.phone, agent: agent.id } }); // $ Alert[no-pii-to-third-party]
    Sentry.captureException(err, { extra: { leadId: lead.id, agent: agent.id } }); // safe: ids
    Sentry.captureException(err, { extra: { numberHint: maskPhone(lead.phone) } }); // safe: masked
  }
}

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/inbound', twilio.webhook(), (req, res) => {
  Sentry.setContext('call', { sid: req.body.CallSid, direction: req.body.Direction }); // safe: SID and direction
  Sentry.setContext('caller', { number: req.body.From }); // $ Alert[no-pii-to-third-party]
  Sentry.withScope((scope) => {
    scope.setExtra('from', req.body.From); // $ Alert[no-pii-to-third-party]
    scope.setExtra('callSid', req.body.CallSid); // safe: call SID
    Sentry.captureMessage('inbound call without queue');
  });
  res.type('text/xml').send(new twilio.twiml.VoiceResponse().toString());
});
