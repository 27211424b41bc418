// Outbound campaigns and IVR: the TwiML and status-callback URLs Twilio requests for each call.
// Whatever is in those URLs is written to our web server's access log and to Twilio's request inspector.
import express from 'express';
import twilio from 'twilio';
import { hasConsent } from '@acme/compliance';
import { tokenize } from '@acme/pii';

interface Lead {
  id: string;
  campaignId: string;
  phone: string;
}

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const BASE = 'https://dialer.acme-contact.com';
const CALLER_ID = process.env.TWILIO_CALLER_ID ?? '';

export async function dialLead(lead: Lead): Promise<string> {
  if (!(await hasConsent(lead.phone))) return '';
  const call = await client.calls.create({
    to: lead.phone, // safe: the destination is not a URL
    from: CALLER_ID,
    url: `${BASE}/twiml/outbound?to=${lead.phone}`, // $ Alert[no-pii-in-url]
    statusCallback: `${BASE}/twilio/status?lead=${lead.id}`, // safe: a lead id
  });
  return call.sid;
}

export async function dialLeadQuietly(lead: Lead): Promise<string> {
  if (!(await hasConsent(lead.phone))) return '';
  const call = await client.calls.create({
    to: lead.phone, // safe: the destination is not a URL
    from: CALLER_ID,
    url: `${BASE}/twiml/outbound/${lead.campaignId}/${lead.id}`, // safe: ids in the path
    statusCallback: `${BASE}/twilio/status?t=${await tokenize(lead.phone)}`, // safe: tokenized
  });
  return call.sid;
}

export async function textLead(lead: Lead, body: string): Promise<void> {
  if (!(await hasConsent(lead.phone))) return;
  await client.messages.create({
    to: lead.phone, // safe: the destination is not a URL
    from: CALLER_ID,
    body,
    statusCallback: `${BASE}/twilio/sms-status?msisdn=${encodeURIComponent(lead.phone)}`, // $ Alert[no-pii-in-url]
  });
}

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/inbound', twilio.webhook(), async (req, res) => {
  const { CallSid, From } = req.body;
  await client.calls(CallSid).update({
    url: `${BASE}/twiml/menu?caller=${From}`, // $ Alert[no-pii-in-url]
    method: 'POST',
  });
  await client.calls(CallSid).update({
    url: `${BASE}/twiml/menu/${CallSid}`, // safe: call SID in the path
    method: 'POST',
    statusCallback: `${BASE}/twilio/status`, // safe: no data in the URL
  });
  res.sendStatus(204);
});
