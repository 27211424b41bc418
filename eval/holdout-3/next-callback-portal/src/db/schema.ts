import {
  boolean,
  customType,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { decryptPii, encryptPii } from '../lib/crypto';

/**
 * Column type that seals the value with the portal's PII key on the way in
 * and opens it on the way out. Use it for anything that identifies a person.
 */
export const encryptedText = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'text';
  },
  toDriver(value) {
    return encryptPii(value);
  },
  fromDriver(value) {
    return decryptPii(value);
  },
});

export const callbackStatus = pgEnum('callback_status', ['pending', 'dialing', 'completed', 'failed', 'cancelled']);

export const callbackRequests = pgTable('callback_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  customerName: varchar('customer_name', { length: 120 }).notNull(),
  phone: encryptedText('phone').notNull(), // safe: no-plaintext-pii-storage — encrypting customType column
  phoneHash: varchar('phone_hash', { length: 64 }).notNull(),
  email: varchar('email', { length: 254 }), // expect: no-plaintext-pii-storage
  reason: text('reason').notNull(),
  preferredWindow: varchar('preferred_window', { length: 16 }).notNull(),
  phoneVerified: boolean('phone_verified').default(false).notNull(), // safe: no-plaintext-pii-storage — boolean flag
  marketingOptIn: boolean('marketing_opt_in').default(false).notNull(),
  numberOfAttempts: integer('number_of_attempts').default(0).notNull(),
  status: callbackStatus('status').default('pending').notNull(),
  lastCallUuid: varchar('last_call_uuid', { length: 64 }),
  scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
});

export const smsMessages = pgTable('sms_messages', {
  id: serial('id').primaryKey(),
  messageUuid: varchar('message_uuid', { length: 64 }).notNull(),
  callbackId: uuid('callback_id'),
  toNumber: varchar('to_number', { length: 20 }).notNull(), // expect: no-plaintext-pii-storage
  smsTemplateId: varchar('sms_template_id', { length: 40 }).notNull(),
  status: varchar('status', { length: 24 }).default('submitted').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).defaultNow().notNull(),
});

export const inboundMessages = pgTable('inbound_messages', {
  id: serial('id').primaryKey(),
  messageUuid: varchar('message_uuid', { length: 64 }).notNull(),
  fromMsisdn: encryptedText('from_msisdn').notNull(),
  channel: varchar('channel', { length: 16 }).notNull(),
  body: text('body'),
  receivedAt: timestamp('received_at', { withTimezone: true }).defaultNow().notNull(),
});

export const optOuts = pgTable('opt_outs', {
  phoneHash: varchar('phone_hash', { length: 64 }).primaryKey(),
  channel: varchar('channel', { length: 8 }).notNull(),
  source: varchar('source', { length: 32 }).notNull(),
  optedOutAt: timestamp('opted_out_at', { withTimezone: true }).defaultNow().notNull(),
});

export const callEvents = pgTable('call_events', {
  id: serial('id').primaryKey(),
  callUuid: varchar('call_uuid', { length: 64 }).notNull(),
  conversationUuid: varchar('conversation_uuid', { length: 64 }).notNull(),
  status: varchar('status', { length: 24 }).notNull(),
  durationSeconds: integer('duration_seconds'),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
});

export type CallbackRow = typeof callbackRequests.$inferSelect;
export type NewCallbackRow = typeof callbackRequests.$inferInsert;
