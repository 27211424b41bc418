// Lead and call-log persistence with Prisma.
import { createHash, createHmac } from 'node:crypto';
import { PrismaClient } from '@prisma/client';
import express from 'express';
import twilio from 'twilio';
import { encrypt, tokenize } from '@acme/crypto';

const prisma = new PrismaClient();
const LOOKUP_KEY = process.env.PHONE_LOOKUP_KEY ?? '';

interface LeadInput {
  campaignId: string;
  firstName: string;
  phone: string;
  email: string;
  isPhoneVerified: boolean;
}

function phoneLookupKey(phone: string): string {
  return createHmac('sha256', LOOKUP_KEY).update(phone).digest('hex');
}

export async function createLead(input: LeadInput) {
  return prisma.lead.create({
    data: {
      campaignId: input.campaignId,
      firstName: input.firstName,
      phone: input.phone, // $ Alert[no-plaintext-pii-storage]
      email: input.email, // safe: email is not a kind of this rule
      isPhoneVerified: input.isPhoneVerified, // safe: boolean flag
    },
  });
}

export async function createLeadSealed(input: LeadInput) {
  return prisma.lead.create({
    data: {
      campaignId: input.campaignId,
      phoneCiphertext: encrypt(input.phone), // safe: encrypted
      phoneLookup: phoneLookupKey(input.phone), // safe: keyed HMAC
      phoneToken: await tokenize(input.phone), // safe: tokenized
      email: input.email, // safe: email is not a kind of this rule
    },
  });
}

export async function importLeads(rows: LeadInput[]) {
  await prisma.lead.createMany({
    data: rows, // $ Alert[no-plaintext-pii-storage]
    skipDuplicates: true,
  });
  await prisma.lead.createMany({
    data: rows.map((row) => ({ campaignId: row.campaignId, phoneCiphertext: encrypt(row.phone) })), // safe: encrypted
  });
}

export async function touchLead(phone: string, campaignId: string) {
  return prisma.lead.upsert({
    where: { phone }, // safe: a lookup, nothing is written here
    create: { phone, campaignId }, // $ Alert[no-plaintext-pii-storage]
    update: { lastTouchedAt: new Date() }, // safe: a timestamp
  });
}

export async function changeNumber(leadId: string, newPhone: string) {
  await prisma.$transaction(async (tx) => {
    await tx.lead.update({ where: { id: leadId }, data: { phone: newPhone } }); // $ Alert[no-plaintext-pii-storage]
    await tx.leadAudit.create({ data: { leadId, change: 'phone-updated' } }); // safe: no PII
  });
}

export async function eraseCaller(phone: string) {
  // GDPR erasure: deleting by number writes nothing.
  await prisma.lead.deleteMany({ where: { phone } }); // safe: a delete
  return prisma.lead.findFirst({ where: { phone } }); // safe: a read
}

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/status', twilio.webhook(), async (req, res) => {
  await prisma.callLog.create({
    data: {
      callSid: req.body.CallSid, // safe: SID
      from: req.body.From, // $ Alert[no-plaintext-pii-storage]
      status: req.body.CallStatus, // safe: status
      fromDigest: createHash('sha256').update(req.body.From).digest('hex'), // safe here: a digest, not the number (no-reversible-pii-hash covers it)
      durationSec: Number(req.body.CallDuration ?? 0), // safe: a number
    },
  });
  res.sendStatus(204);
});
