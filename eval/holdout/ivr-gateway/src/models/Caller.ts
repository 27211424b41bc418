import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { decryptField, encryptField } from '../lib/fieldCrypto';

const consentSchema = new Schema(
  {
    granted: { type: Boolean, default: false },
    at: Date,
    source: { type: String, enum: ['ivr', 'web-form', 'agent', 'import'] },
  },
  { _id: false },
);

const callerSchema = new Schema(
  {
    msisdn: { type: String, required: true, unique: true, index: true }, // expect: no-plaintext-pii-storage
    displayName: { type: String, trim: true },
    preferredLanguage: { type: String, enum: ['en', 'es', 'fr'], default: 'en' },
    accountRef: { type: String, index: true },
    nationalId: { type: String, set: encryptField, get: decryptField }, // safe: no-plaintext-pii-storage — encrypted by setter
    cardToken: { type: String }, // safe: no-plaintext-pii-storage — vault token, not the PAN
    cardLast4: { type: String, maxlength: 4 }, // safe: no-plaintext-pii-storage — last four digits only
    phoneVerified: { type: Boolean, default: false }, // safe: no-plaintext-pii-storage — boolean flag
    marketingConsent: { type: consentSchema, default: () => ({}) },
    dnc: { type: Boolean, default: false },
    crmId: String,
    lastCallAt: Date,
    callCount: { type: Number, default: 0 },
  },
  { timestamps: true, toJSON: { getters: true }, toObject: { getters: true } },
);

export type CallerAttrs = InferSchemaType<typeof callerSchema>;
export type CallerDocument = HydratedDocument<CallerAttrs>;

export const Caller = model('Caller', callerSchema);
