// Call-event store on the MongoDB driver: Twilio status callbacks go straight into collections.
import express from 'express';
import { MongoClient } from 'mongodb';
import type { Collection } from 'mongodb';
import twilio from 'twilio';
import { hmacPhone, vault } from '@acme/crypto';

interface CallEventDoc {
  callSid: string;
  status: string;
  caller?: string;
  callerToken?: string;
  callerHmac?: string;
  at: Date;
}

interface ContactDoc {
  _id: string;
  msisdn: string;
  email?: string;
  optedOut: boolean;
}

const mongo = new MongoClient(process.env.MONGO_URL ?? '');
const db = mongo.db('callcenter');
const events: Collection<CallEventDoc> = db.collection<CallEventDoc>('call_events');
const contacts: Collection<ContactDoc> = db.collection<ContactDoc>('contacts');

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/status', twilio.webhook(), async (req, res) => {
  const { CallSid, CallStatus, From } = req.body;

  await events.insertOne({
    callSid: CallSid, // safe: SID
    status: CallStatus, // safe: status
    caller: From, // $ Alert[no-plaintext-pii-storage]
    at: new Date(), // safe: timestamp
  });

  await events.insertOne({
    callSid: CallSid, // safe: SID
    status: CallStatus, // safe: status
    callerToken: await vault.tokenize(From), // safe: tokenized
    callerHmac: hmacPhone(From), // safe: keyed HMAC
    at: new Date(), // safe: timestamp
  });

  res.sendStatus(204);
});

export async function upsertContact(id: string, msisdn: string, email: string): Promise<void> {
  await contacts.updateOne(
    { _id: id },
    { $set: { msisdn, email, optedOut: false } }, // $ Alert[no-plaintext-pii-storage]
    { upsert: true },
  );
  await contacts.updateOne({ _id: id }, { $set: { email } }); // safe: email is not a kind of this rule
  await contacts.updateOne({ msisdn }, { $set: { optedOut: true } }); // safe: msisdn is only the filter
}

export async function replaceContact(doc: ContactDoc): Promise<void> {
  await contacts.replaceOne({ _id: doc._id }, doc); // $ Alert[no-plaintext-pii-storage]
  await contacts.replaceOne({ _id: doc._id }, { ...doc, msisdn: hmacPhone(doc.msisdn) }); // safe: keyed HMAC replaces the number
}

export async function archiveContacts(docs: ContactDoc[]): Promise<void> {
  await db.collection('contacts_archive').insertMany(docs); // $ Alert[no-plaintext-pii-storage]
  await db.collection('contacts_archive').insertMany(docs.map((d) => ({ _id: d._id, optedOut: d.optedOut }))); // safe: no PII
}

export async function findContact(msisdn: string): Promise<ContactDoc | null> {
  return contacts.findOne({ msisdn }); // safe: a read
}
