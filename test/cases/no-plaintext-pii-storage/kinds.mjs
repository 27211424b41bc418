// KYC and payments desk (ESM JavaScript): which kinds this rule covers. Phone, national ID, card number and
// recordings must be encrypted at rest; email and the caller-ID name are outside this rule.
import express from 'express';
import { PrismaClient } from '@prisma/client';
import { WebhookResponse } from '@jambonz/node-client';
import { encrypt, tokenizeCard } from '@acme/crypto';

const prisma = new PrismaClient();
const app = express();
app.use(express.json());

app.post('/jambonz/call', async (req, res) => {
  const { call_sid, from, caller_name } = req.body;
  await prisma.inboundCall.create({
    data: {
      callSid: call_sid, // safe: SID
      from, // $ Alert[no-plaintext-pii-storage]
      callerName: caller_name, // safe: caller-name is not a kind of this rule
    },
  });
  res.json(new WebhookResponse().say({ text: 'Welcome to the payments desk.' }));
});

/**
 * @param {{ customerId: string, cardNumber: string, expiry: string, cardLast4: string }} payment
 */
export async function savePayment(payment) {
  await prisma.payment.create({
    data: {
      customerId: payment.customerId, // safe: identifier
      cardNumber: payment.cardNumber, // $ Alert[no-plaintext-pii-storage]
      cardLast4: payment.cardLast4, // safe: last four digits are not a card number
      expiry: payment.expiry, // safe: not a kind of this rule
    },
  });
  await prisma.payment.create({ data: { customerId: payment.customerId, cardToken: await tokenizeCard(payment.cardNumber) } }); // safe: tokenized
}

/**
 * @param {{ customerId: string, ssn: string, sfzh: string, snils: string, email: string }} kyc
 */
export async function saveKyc(kyc) {
  await prisma.kyc.create({
    data: {
      customerId: kyc.customerId, // safe: identifier
      ssn: kyc.ssn, // $ Alert[no-plaintext-pii-storage]
      sfzh: encrypt(kyc.sfzh), // safe: encrypted
      snils: kyc.snils, // $ Alert[no-plaintext-pii-storage]
      email: kyc.email, // safe: email is not a kind of this rule
    },
  });
}

/** @param {{ customerId: string, email: string, marketingOptIn: boolean }} contact */
export async function saveEmailContact(contact) {
  await prisma.contact.create({ data: { customerId: contact.customerId, email: contact.email, marketingOptIn: contact.marketingOptIn } }); // safe: no kind of this rule
}

app.listen(3003);
