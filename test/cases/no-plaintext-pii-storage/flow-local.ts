// Lead intake worker: webhook values reach storage through local data flow.
import express from 'express';
import { MongoClient } from 'mongodb';
import twilio from 'twilio';
import { encrypt, tokenize } from '@acme/crypto';

const mongo = new MongoClient(process.env.MONGO_URL ?? '');
const leads = mongo.db('intake').collection('leads');
const missed = mongo.db('intake').collection('missed_calls');

interface IntakeLead {
  source: 'ivr' | 'sms' | 'web';
  phone: string;
  campaignId: string;
}

function toE164(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.startsWith('1') ? `+${digits}` : `+1${digits}`;
}

function isTollFree(raw: string): boolean {
  return /^\+1(800|833|844|855|866|877|888)/.test(raw);
}

function buildLead(source: IntakeLead['source'], phone: string, campaignId: string): IntakeLead {
  return { source, phone, campaignId };
}

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/missed', twilio.webhook(), async (req, res) => {
  const { From: origin, CallSid: sid } = req.body; // destructuring with renames
  const normalised = toE164(origin); // return value of a local function

  await missed.insertOne({ callSid: sid, number: normalised }); // $ Alert[no-plaintext-pii-storage]
  await missed.insertOne({ callSid: sid, tollFree: isTollFree(normalised) }); // safe: boolean
  await missed.insertOne({ callSid: sid, number: encrypt(normalised) }); // safe: encrypted

  const lead = buildLead('ivr', normalised, 'missed-calls'); // object built by a helper
  await leads.insertOne(lead); // $ Alert[no-plaintext-pii-storage]
  await leads.insertOne({ ...lead, phone: tokenize(lead.phone) }); // safe: the number is replaced by a token

  const batch = [normalised, toE164(req.body.To)].map((n) => ({ callSid: sid, number: n })); // map callback
  await missed.insertMany(batch); // $ Alert[no-plaintext-pii-storage]
  await missed.insertMany(batch.map((entry) => ({ callSid: entry.callSid }))); // safe: numbers dropped

  const note = 'missed call from ' + origin; // concatenation
  await missed.updateOne({ callSid: sid }, { $push: { notes: note } }); // $ Alert[no-plaintext-pii-storage]
  await missed.updateOne({ callSid: sid }, { $push: { notes: `missed call ${sid}` } }); // safe: SID

  const pending = Promise.resolve(origin);
  await pending.then((value) => missed.updateOne({ callSid: sid }, { $set: { callback: value } })); // $ Alert[no-plaintext-pii-storage]
  await pending.then((value) => missed.updateOne({ callSid: sid }, { $set: { callbackLength: value.length } })); // safe: a number

  res.type('text/xml').send(new twilio.twiml.VoiceResponse().toString());
});
