// Twilio voice webhooks: inbound calls and status callbacks.
import express from 'express';
import { rememberCaller } from '../store/calls.js';
import { auditTrail } from '@acme/audit';
import type { CallerProfile } from '../types.js';

declare function maskPhone(value: string): string;
declare function lookupProfile(callSid: string): Promise<CallerProfile>;

export const voice = express.Router();

voice.post('/voice/inbound', async (req, res) => {
  const caller = req.body.From;
  const callSid = req.body.CallSid;
  console.log(`inbound call ${callSid} from ${caller}`); // $ Alert[no-pii-in-logs]
  console.log('inbound call', callSid, 'from', maskPhone(caller)); // safe: masked
  await rememberCaller(callSid, caller);
  auditTrail.record('inbound', caller); // $ Alert[no-pii-in-logs]
  const profile = await lookupProfile(callSid);
  console.info('caller profile', profile); // $ Alert[no-pii-in-logs] (its type, CallerProfile, has a phone field)
  console.info('caller tier', profile.tier); // safe: not PII
  res.type('text/xml').send('<Response><Say>Thanks for calling.</Say></Response>');
});

voice.post('/voice/status', (req, res) => {
  const { CallSid, CallStatus } = req.body;
  console.log('call status', CallSid, CallStatus); // safe: SID and status
  res.sendStatus(204);
});
