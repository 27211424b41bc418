// Mongoose models of the callback service: schemas with and without field encryption.
import mongoose, { Schema, model } from 'mongoose';
import { fieldEncryption } from 'mongoose-field-encryption';
import { decrypt, encrypt, tokenize } from '@acme/crypto';

const SECRET = process.env.FIELD_SECRET ?? '';

// Plaintext fields.
const callbackSchema = new Schema({
  leadId: { type: String, required: true, index: true }, // safe: identifier
  phone: { type: String, required: true }, // $ Alert[no-plaintext-pii-storage]
  altPhone: String, // $ Alert[no-plaintext-pii-storage]
  email: String, // safe: email is not a kind of this rule
  preferredAt: Date, // safe: timestamp
  phoneVerified: { type: Boolean, default: false }, // safe: boolean flag
});

// Per-field setters that encrypt.
const customerSchema = new Schema({
  phone: { type: String, set: encrypt, get: decrypt }, // safe: encrypting setter
  idNumber: { type: String, set: (value: string) => encrypt(value) }, // safe: encrypting setter
  phoneToken: String, // safe: a token
  tier: { type: String, enum: ['standard', 'priority'] }, // safe: not PII
});

// Encryption plugin listing the fields it covers.
const kycSchema = new Schema({
  customerId: { type: String, required: true }, // safe: identifier
  passport: String, // safe: encrypted by the plugin below
  taxId: String, // safe: encrypted by the plugin below
  mobile: String, // $ Alert[no-plaintext-pii-storage]
});
kycSchema.plugin(fieldEncryption, { fields: ['passport', 'taxId'], secret: SECRET });

// A call log schema in a file without telephony imports: `from`/`to` carry numbers but nothing says so.
const callLogSchema = new Schema({
  callSid: { type: String, unique: true }, // safe: SID
  from: String, // $ MISSING: Alert[no-plaintext-pii-storage]
  durationSec: Number, // safe: a number
});

export const Callback = model('Callback', callbackSchema);
export const Customer = model('Customer', customerSchema);
export const Kyc = model('Kyc', kycSchema);
export const CallLog = mongoose.model('CallLog', callLogSchema);

export async function requestCallback(leadId: string, phone: string, preferredAt: Date): Promise<void> {
  await Callback.create({ leadId, phone, preferredAt }); // reported at the callbackSchema.phone field
  await Callback.create({ leadId, phone: encrypt(phone), preferredAt }); // safe: encrypted before the write
  await Customer.create({ phone, tier: 'standard' }); // safe: the schema setter encrypts
}

export async function saveKyc(customerId: string, passport: string, mobile: string): Promise<void> {
  const doc = new Kyc({ customerId, passport }); // safe: passport is encrypted by the plugin
  await doc.save();
  await Kyc.updateOne({ customerId }, { $set: { mobile } }); // reported at the kycSchema.mobile field
  await Kyc.updateOne({ customerId }, { $set: { mobile: await tokenize(mobile) } }); // safe: tokenized
}

export async function importCallbacks(rows: { leadId: string; phone: string }[]): Promise<void> {
  await Callback.insertMany(rows); // reported at the callbackSchema.phone field
  await Callback.insertMany(rows.map((row) => ({ leadId: row.leadId, phoneToken: tokenize(row.phone) }))); // safe: tokenized
}

export async function logMissedCall(callSid: string, phone: string, durationSec: number): Promise<void> {
  // The schema field `from` went unnoticed above; the write of a phone number into it does not.
  await CallLog.create({ callSid, from: phone, durationSec }); // $ Alert[no-plaintext-pii-storage]
  await CallLog.create({ callSid, durationSec }); // safe: no PII
}

export async function reschedule(phone: string, preferredAt: Date): Promise<void> {
  await Callback.findOneAndUpdate({ phone }, { preferredAt }); // safe: phone is only the filter
  await Callback.deleteMany({ phone, preferredAt: { $lt: new Date() } }); // safe: a delete
}
