// Drizzle schema and writes for the appointment-reminder service.
import { boolean, customType, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { decrypt, encrypt } from '@acme/crypto';

/** A text column encrypted with the app key on write, decrypted on read. */
const encryptedText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => encrypt(value),
  fromDriver: (value) => decrypt(value),
});

export const patients = pgTable('patients', {
  id: uuid('id').primaryKey().defaultRandom(), // safe: primary key
  phone: text('phone').notNull(), // $ Alert[no-plaintext-pii-storage]
  ssn: text('ssn'), // $ Alert[no-plaintext-pii-storage]
  email: text('email'), // safe: email is not a kind of this rule
  smsOptIn: boolean('sms_opt_in').default(false), // safe: boolean flag
  notes: text('notes'), // safe: not a PII column (what is written into it is checked at the write)
});

export const reminders = pgTable('reminders', {
  id: uuid('id').primaryKey().defaultRandom(), // safe: primary key
  patientId: uuid('patient_id').notNull(), // safe: identifier
  phone: encryptedText('phone').notNull(), // safe: encrypted column type
  attempts: integer('attempts').default(0), // safe: a number
  sendAt: timestamp('send_at').notNull(), // safe: timestamp
});

const db = drizzle(process.env.DATABASE_URL ?? '');

interface PatientInput {
  phone: string;
  ssn?: string;
  email?: string;
}

export async function registerPatient(input: PatientInput): Promise<void> {
  await db.insert(patients).values({
    phone: input.phone, // reported at the patients.phone column
    email: input.email, // safe: email is not a kind of this rule
  });
  await db.insert(patients).values({ phone: encrypt(input.phone), ssn: input.ssn ? encrypt(input.ssn) : null }); // safe: encrypted
}

export async function scheduleReminder(patientId: string, phone: string, sendAt: Date): Promise<void> {
  await db.insert(reminders).values({ patientId, phone, sendAt }); // safe: reminders.phone is an encrypted column
}

export async function updatePatientPhone(patientId: string, phone: string): Promise<void> {
  await db.update(patients).set({ phone }).where(eq(patients.id, patientId)); // reported at the patients.phone column
  await db.update(patients).set({ notes: `asked for calls on ${phone}` }).where(eq(patients.id, patientId)); // $ Alert[no-plaintext-pii-storage]
  await db.update(patients).set({ smsOptIn: false }).where(eq(patients.phone, phone)); // safe: phone is only the filter
}

export async function importPatients(rows: PatientInput[]): Promise<void> {
  await db.insert(patients).values(rows); // reported at the patients.phone and patients.ssn columns
  await db.insert(patients).values(rows.map((row) => ({ phone: encrypt(row.phone) }))); // safe: encrypted
}
