import 'reflect-metadata';
import pg from 'pg';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { config } from '../config.js';
import { blindIndex } from '../lib/crypto.js';
import type { AccountSummary, E164, NewLead } from '../types.js';
import { CallbackRequestEntity, CallRecordEntity, ConsentRecordEntity, LeadEntity } from './entities.js';

export const dataSource = new DataSource({
  type: 'postgres',
  url: config.database.url,
  ssl: config.database.ssl,
  entities: [LeadEntity, ConsentRecordEntity, CallRecordEntity, CallbackRequestEntity],
  migrations: ['dist/migrations/*.js'],
  synchronize: false,
});

export const leadRepo = dataSource.getRepository(LeadEntity);
export const consentRepo = dataSource.getRepository(ConsentRecordEntity);
export const callRecordRepo = dataSource.getRepository(CallRecordEntity);
export const callbackRepo = dataSource.getRepository(CallbackRequestEntity);

/** Accounts live in the billing database; we only read them. */
export const billingPool = new pg.Pool({ connectionString: config.database.url, ssl: config.database.ssl, max: 5 });

/** Read replica for exports and reports. */
export const reportingPool = new pg.Pool({ connectionString: config.reportingDb.url, ssl: config.reportingDb.ssl, max: 2 });

/** Web-form and CRM leads. The phone column encrypts itself; the blind index dedupes without decrypting. */
export async function importLead(input: NewLead): Promise<LeadEntity> {
  const phoneBlindIndex = blindIndex(input.phone);
  const existing = await leadRepo.findOneBy({ phoneBlindIndex });
  if (existing) return existing;
  if (input.consent) {
    await consentRepo.save({ phoneBlindIndex, channel: 'voice', source: input.consentSource });
  }
  return leadRepo.save({
    campaignId: input.campaignId,
    firstName: input.firstName,
    phone: input.phone,
    phoneBlindIndex,
    phoneCountryCode: input.phoneCountryCode,
    email: input.email ?? null,
    consent: input.consent,
    timezone: input.timezone,
  });
}

export async function findAccountByCallerId(callerId: E164): Promise<AccountSummary | null> {
  const { rows } = await billingPool.query<AccountSummary>(
    `SELECT a.id, a.account_number AS "accountNumber", a.balance_cents AS "balanceCents",
            a.preferred_language AS "preferredLanguage"
       FROM accounts a JOIN account_phones p ON p.account_id = a.id
      WHERE p.blind_index = $1 AND a.closed_at IS NULL
      LIMIT 1`,
    [blindIndex(callerId)],
  );
  return rows[0] ?? null;
}

export interface CallLogEntry {
  callSid: string;
  direction: 'inbound' | 'outbound';
  callerNumber: E164;
  agentId?: string;
  leadId?: string;
  durationSeconds: number;
}

export async function logCall(entry: CallLogEntry): Promise<void> {
  await callRecordRepo.insert({
    callSid: entry.callSid,
    direction: entry.direction,
    agentId: entry.agentId ?? null,
    leadId: entry.leadId ?? null,
    callerBlindIndex: blindIndex(entry.callerNumber),
    durationSeconds: entry.durationSeconds,
  });
}

export async function createCallbackRequest(phone: E164, accountId: string | undefined, queue: string, dueAt = new Date()): Promise<string> {
  const saved = await callbackRepo.save({
    accountId: accountId ?? null,
    phone,
    queue,
    dueAt,
  });
  return saved.id;
}

export interface PaymentAttempt {
  callSid: string;
  accountId: string;
  callerId: E164;
  amountCents: number;
  outcome: 'approved' | 'declined' | 'error';
}

/** Audit trail the payments team reconciles against the gateway (PCI DSS 10.2). */
export async function recordPaymentAttempt(attempt: PaymentAttempt): Promise<void> {
  await billingPool.query(
    'INSERT INTO payment_attempts (call_sid, account_id, caller_id, amount_cents, outcome) VALUES ($1, $2, $3, $4, $5)',
    [attempt.callSid, attempt.accountId, attempt.callerId, attempt.amountCents, attempt.outcome], // $ Alert[no-plaintext-pii-storage]
  );
}

export function dueCallbacks(queue: string, now = new Date()): Promise<CallbackRequestEntity[]> {
  return callbackRepo.find({
    where: { queue, status: 'pending', dueAt: LessThanOrEqual(now) },
    order: { dueAt: 'ASC' },
    take: 20,
  });
}
