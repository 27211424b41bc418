// Inbound support line: the Twilio voice webhook and the lead importer still log with console.*.
import express from 'express';
import twilio from 'twilio';
import { maskPhone, redact } from '@acme/pii';

interface Lead {
  id: string;
  campaignId: string;
  phone: string;
  status: 'new' | 'dialing' | 'done';
  isPhoneVerified: boolean;
}

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/inbound', (req, res) => {
  const { CallSid, From, To } = req.body;

  console.log('inbound call from', From); // $ Alert[no-pii-in-logs]
  console.log('inbound call from', maskPhone(From)); // safe: masked
  console.info(`call ${CallSid} started`); // safe: call SID is not PII
  console.debug('dialled number', To); // $ Alert[no-pii-in-logs]
  console.debug('dialled number', redact(To)); // safe: redacted
  console.info('caller', req.body.Caller); // $ Alert[no-pii-in-logs]
  console.info('call status', req.body.CallStatus, 'direction', req.body.Direction); // safe: not PII

  const twiml = new twilio.twiml.VoiceResponse();
  twiml.say('Thanks for calling. Please hold for the next agent.');
  res.type('text/xml').send(twiml.toString());
});

export function reportImport(leads: Lead[], rejected: Lead[]): void {
  console.table(leads); // $ Alert[no-pii-in-logs]
  console.table(leads.map((lead) => ({ id: lead.id, status: lead.status }))); // safe: only id and status
  console.log(`imported ${leads.length} leads, rejected ${rejected.length}`); // safe: counts

  for (const lead of rejected) {
    console.warn('rejected lead %o', lead); // $ Alert[no-pii-in-logs]
    console.warn('rejected lead %s in campaign %s', lead.id, lead.campaignId); // safe: identifiers
    console.warn('rejected number has %d characters', lead.phone.length); // safe: a length is a number
    console.warn('verified?', lead.isPhoneVerified); // safe: boolean flag
  }
}

export function traceLead(lead: Lead): void {
  console.dir(lead, { depth: null }); // $ Alert[no-pii-in-logs]
  console.dir({ id: lead.id, status: lead.status }); // safe: no PII fields
  console.trace('lead stuck in dialing', lead.id); // safe: identifier
}

export function handleImportError(err: Error, lead: Lead): void {
  console.error(err); // safe: the error object itself
  console.error(`failed to import ${lead.phone}:`, err.message); // $ Alert[no-pii-in-logs]
  console.error(`failed to import ${maskPhone(lead.phone)}:`, err.message); // safe: masked
  // The support line's published number (fictional NANP range) is not PII.
  console.info('support line is', '+1 202-555-0143'); // safe: reserved fictional number
}
