// Call history for the supervisors' warehouse (mssql) and delivery reports stored with raw Sequelize queries.
import sql from 'mssql';
import { Sequelize } from 'sequelize';

interface CallRecord {
  callId: string;
  agentId: string;
  remoteNumber: string;
  durationSec: number;
}

declare function sealForStorage(value: string): Buffer;
declare const pool: sql.ConnectionPool;

const sequelize = new Sequelize(process.env.DATABASE_URL ?? '', { dialect: 'postgres' });

export async function recordCall(call: CallRecord): Promise<void> {
  await pool
    .request()
    .input('callId', sql.VarChar(64), call.callId)
    .input('remoteNumber', sql.VarChar(20), call.remoteNumber) // $ Alert[no-plaintext-pii-storage]
    .input('durationSec', sql.Int, call.durationSec)
    .query('INSERT INTO rpt.Calls (CallId, RemoteNumber, DurationSec) VALUES (@callId, @remoteNumber, @durationSec)');
}

export async function recordCallSealed(call: CallRecord): Promise<void> {
  await pool
    .request()
    .input('callId', sql.VarChar(64), call.callId)
    .input('remoteNumberEnc', sql.VarBinary, sealForStorage(call.remoteNumber)) // safe: encrypted before the insert
    .query('INSERT INTO dbo.CallHistory (CallId, RemoteNumberEnc) VALUES (@callId, @remoteNumberEnc)');
}

export async function findCalls(call: CallRecord): Promise<unknown> {
  return pool
    .request()
    .input('remoteNumber', sql.VarChar(20), call.remoteNumber) // safe: a lookup (SELECT), nothing is written
    .query('SELECT CallId FROM rpt.Calls WHERE RemoteNumber = @remoteNumber');
}

export async function closeCall(call: CallRecord): Promise<void> {
  await pool
    .request()
    .input('durationSec', sql.Int, call.durationSec)
    .input('remoteNumber', sql.VarChar(20), call.remoteNumber) // safe: only in the WHERE clause
    .query('UPDATE rpt.Calls SET DurationSec = @durationSec WHERE RemoteNumber = @remoteNumber');
}

export async function storeDeliveryReport(id: string, recipientPhone: string, status: string): Promise<void> {
  await sequelize.query('INSERT INTO sms_reports (message_id, recipient, status) VALUES (?, ?, ?)', {
    replacements: [id, recipientPhone, status], // $ Alert[no-plaintext-pii-storage]
  });
}

export async function storeDeliveryReportSealed(id: string, recipientPhone: string, status: string): Promise<void> {
  await sequelize.query('INSERT INTO sms_reports (message_id, recipient_enc, status) VALUES ($1, $2, $3)', {
    bind: [id, sealForStorage(recipientPhone), status], // safe: encrypted
  });
}

export async function reportsFor(recipientPhone: string): Promise<unknown> {
  return sequelize.query('SELECT status FROM sms_reports WHERE recipient_hmac = ?', { replacements: [recipientPhone] }); // safe: a SELECT
}
