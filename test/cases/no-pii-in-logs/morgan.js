// Access log of the SMS and voice webhook gateway: custom morgan tokens add call context to each line.
import express from 'express';
import morgan from 'morgan';
import twilio from 'twilio';
import { maskPhone } from '@acme/pii';

const app = express();
app.use(express.urlencoded({ extended: false }));

// Tokens are evaluated after the body parser ran, so req.body is the Twilio webhook payload.
morgan.token('call-sid', (req) => req.body?.CallSid ?? '-'); // safe: call SID
morgan.token('caller', (req) => req.body?.From); // $ Alert[no-pii-in-logs]
morgan.token('caller-masked', (req) => (req.body?.From ? maskPhone(req.body.From) : '-')); // safe: masked
morgan.token('called', (req) => req.body?.To); // $ Alert[no-pii-in-logs]
morgan.token('sms-body', (req) => `${req.body?.From}: ${req.body?.Body}`); // $ Alert[no-pii-in-logs]
morgan.token('sms-length', (req) => String(req.body?.Body?.length ?? 0)); // safe: a length
morgan.token('direction', (req) => {
  const direction = req.body?.Direction ?? 'unknown';
  return direction.startsWith('outbound') ? 'out' : 'in'; // safe: not PII
});
morgan.token('agent', (req) => req.get('x-agent-id') ?? '-'); // safe: agent id header

/** @param {import('express').Request} req */
function callerFromRequest(req) {
  return req.body?.Caller ?? req.body?.From;
}

morgan.token('caller-via-helper', (req) => callerFromRequest(req)); // $ Alert[no-pii-in-logs]
morgan.token('country', (req) => req.body?.FromCountry ?? '-'); // safe: country code

app.use(morgan(':method :url :status :call-sid :caller-masked :direction :agent :response-time ms'));

app.post('/sms/inbound', twilio.webhook(), (req, res) => {
  const twiml = new twilio.twiml.MessagingResponse();
  twiml.message('Thanks, an agent will call you back shortly.');
  res.type('text/xml').send(twiml.toString());
});

app.post('/voice/inbound', twilio.webhook(), (req, res) => {
  const twiml = new twilio.twiml.VoiceResponse();
  twiml.enqueue({ workflowSid: process.env.TASKROUTER_WORKFLOW_SID }, 'support');
  res.type('text/xml').send(twiml.toString());
});

app.listen(8080);
