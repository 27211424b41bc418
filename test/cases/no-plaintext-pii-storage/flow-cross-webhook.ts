// Twilio webhooks handing webhook values to storage helpers in flow-cross-repo.ts.
import express from 'express';
import knex from 'knex';
import twilio from 'twilio';
import { cacheCallProgress, cacheCallState, cacheRoute, cacheRouteBlind, contactRow, rememberContact, rememberSealed, rememberStatus, sealedContact } from './flow-cross-repo.js';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const app = express();
app.use(express.urlencoded({ extended: false }));

function callerOf(req: express.Request): string {
  return req.body.From;
}

app.post('/voice/inbound', twilio.webhook(), async (req, res) => {
  const sid: string = req.body.CallSid;
  const origin = callerOf(req);

  // The findings for these are at the writes inside flow-cross-repo.ts.
  await rememberContact(sid, origin);
  await rememberStatus(sid, req.body.CallStatus);
  await rememberSealed(sid, origin);
  await cacheRoute(origin, 'agent-17');
  await cacheRoute(sid, 'agent-17');
  await cacheCallState(sid, { status: 'ringing', caller: origin });
  await cacheCallState(sid, { status: 'ringing' });
  await cacheRouteBlind(origin, 'agent-17');
  await cacheCallProgress(sid, { status: 'ringing', agentId: 'agent-17' });

  // Writes in this file of values built in the other one.
  await db('call_contacts').insert(contactRow(sid, origin)); // $ Alert[no-plaintext-pii-storage]
  await db('call_contacts').insert({ call_sid: sid, contact_enc: sealedContact(origin) }); // safe: encrypted by the helper
  await db('call_contacts').insert(contactRow(sid, sealedContact(origin))); // safe: encrypted before the helper
  await db('call_statuses').insert({ call_sid: sid, status: req.body.CallStatus }); // safe: no PII

  res.type('text/xml').send(new twilio.twiml.VoiceResponse().toString());
});

app.listen(3000);
