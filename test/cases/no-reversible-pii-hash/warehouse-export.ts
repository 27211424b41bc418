// Nightly export of call detail records to the analytics warehouse, and the live completion webhook.
// The hashing happens in pseudonyms.ts; the findings are reported there, where the hash is computed.
import express from 'express';
import twilio from 'twilio';
import { agentBucket, cacheKey, customerRef, exportFileChecksum, keyedPseudonym, pseudonymise } from './pseudonyms.js';

interface CallDetail {
  callSid: string;
  queue: string;
  agentId: string;
  callerNumber: string;
  customerIdNumber?: string;
  durationSec: number;
  disposition: 'answered' | 'abandoned' | 'voicemail';
}

export function toWarehouseRow(cdr: CallDetail): Record<string, string | number> {
  return {
    call_key: cacheKey(cdr.callSid, cdr.queue),
    caller_key: pseudonymise(cdr.callerNumber), // the unkeyed hash runs inside pseudonymise
    caller_pseudonym: keyedPseudonym(cdr.callerNumber),
    customer_ref: cdr.customerIdNumber ? customerRef(cdr.customerIdNumber) : '', // the unkeyed hash runs inside shortDigest
    agent_bucket: agentBucket(cdr.agentId, 16),
    queue: cdr.queue,
    duration_sec: cdr.durationSec,
    disposition: cdr.disposition,
  };
}

export function toCsv(rows: Record<string, string | number>[]): { csv: string; checksum: string } {
  const header = Object.keys(rows[0] ?? {}).join(',');
  const csv = [header, ...rows.map((row) => Object.values(row).join(','))].join('\n');
  return { csv, checksum: exportFileChecksum(csv) };
}

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/completed', twilio.webhook(), (req, res) => {
  const rowKey = pseudonymise(req.body.From); // the unkeyed hash runs inside pseudonymise
  const queueKey = cacheKey(req.body.CallSid, String(req.body.QueueSid ?? 'none'));
  res.json({ rowKey, queueKey });
});

app.listen(Number(process.env.PORT ?? 3000));
