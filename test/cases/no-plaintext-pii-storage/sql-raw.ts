// CDR writer and lead repository on raw SQL: node-postgres and mysql2.
import express from 'express';
import mysql from 'mysql2/promise';
import pg from 'pg';
import twilio from 'twilio';
import { encrypt, hmacPhone } from '@acme/crypto';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });
const reporting = mysql.createPool({ uri: process.env.REPORTING_DB_URL, ssl: { rejectUnauthorized: true } });

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/status', twilio.webhook(), async (req, res) => {
  const { CallSid, CallStatus, From, To, CallDuration } = req.body;

  await pool.query('INSERT INTO cdr (call_sid, status, duration_sec) VALUES ($1, $2, $3)', [CallSid, CallStatus, Number(CallDuration)]); // safe: no PII
  await pool.query('INSERT INTO cdr_numbers (call_sid, caller, callee) VALUES ($1, $2, $3)', [CallSid, From, To]); // $ Alert[no-plaintext-pii-storage]
  await pool.query('INSERT INTO cdr_numbers (call_sid, caller_enc, callee_enc) VALUES ($1, $2, $3)', [CallSid, encrypt(From), encrypt(To)]); // safe: encrypted
  await pool.query({ text: 'UPDATE leads SET last_call_sid = $1 WHERE phone_hmac = $2', values: [CallSid, hmacPhone(From)] }); // safe: SID and keyed HMAC

  res.sendStatus(204);
});

export async function saveLead(campaignId: string, phone: string, email: string): Promise<void> {
  await pool.query({ text: 'INSERT INTO leads (campaign_id, phone, email) VALUES ($1, $2, $3)', values: [campaignId, phone, email] }); // $ Alert[no-plaintext-pii-storage]
  await pool.query('INSERT INTO leads (campaign_id, email) VALUES ($1, $2)', [campaignId, email]); // safe: email is not a kind of this rule
}

export async function findLead(phone: string) {
  const { rows } = await pool.query('SELECT id, campaign_id FROM leads WHERE phone_hmac = $1', [hmacPhone(phone)]); // safe: a read
  const legacy = await pool.query('SELECT id FROM legacy_leads WHERE phone = $1', [phone]); // safe: a read
  return rows[0] ?? legacy.rows[0];
}

export async function forgetCaller(phone: string): Promise<void> {
  await pool.query('DELETE FROM legacy_leads WHERE phone = $1', [phone]); // safe: a delete
  await pool.query('UPDATE leads SET do_not_call = true, erased_at = now() WHERE phone = $1', [phone]); // safe: phone is only in the WHERE clause
}

export async function legacyInsert(phone: string): Promise<void> {
  // String-built SQL: the number is written into the statement itself.
  await pool.query(`INSERT INTO legacy_leads (phone) VALUES ('${phone}')`); // $ Alert[no-plaintext-pii-storage]
}

export async function mirrorToReporting(callSid: string, agentId: string, callerPhone: string, nationalId: string): Promise<void> {
  await reporting.execute('INSERT INTO calls (call_sid, agent_id) VALUES (?, ?)', [callSid, agentId]); // safe: no PII
  await reporting.execute('INSERT INTO calls (call_sid, agent_id, caller_phone) VALUES (?, ?, ?)', [callSid, agentId, callerPhone]); // $ Alert[no-plaintext-pii-storage]
  await reporting.query('INSERT INTO kyc SET ?', [{ call_sid: callSid, national_id: nationalId }]); // $ Alert[no-plaintext-pii-storage]
  await reporting.query('UPDATE calls SET agent_id = ? WHERE call_sid = ?', [agentId, callSid]); // safe: no PII
}

app.listen(3000);
