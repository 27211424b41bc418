// Campaign exports and recording archive on local disk: CSV files for the client, WAVs for QA.
import { createWriteStream } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { encryptBuffer, tokenize } from '@acme/crypto';

interface Disposition {
  leadId: string;
  phone: string;
  email: string;
  outcome: 'sale' | 'no-answer' | 'callback' | 'dnc';
  agentId: string;
  durationSec: number;
}

export async function exportCampaign(campaignId: string, rows: Disposition[]): Promise<void> {
  const csv = stringify(rows, { header: true });
  await writeFile(`/exports/${campaignId}.csv`, csv); // $ Alert[no-plaintext-pii-storage]

  const safeCsv = stringify(
    rows.map((row) => ({ leadId: row.leadId, outcome: row.outcome, agentId: row.agentId, durationSec: row.durationSec })),
    { header: true },
  );
  await writeFile(`/exports/${campaignId}-outcomes.csv`, safeCsv); // safe: no PII columns

  const tokenCsv = stringify(rows.map((row) => ({ leadId: row.leadId, phoneToken: tokenize(row.phone), outcome: row.outcome })));
  await writeFile(`/exports/${campaignId}-tokens.csv`, tokenCsv); // safe: tokenized

  const emailCsv = stringify(rows.map((row) => ({ leadId: row.leadId, email: row.email })));
  await writeFile(`/exports/${campaignId}-emails.csv`, emailCsv); // safe: email is not a kind of this rule
}

export function exportByHand(campaignId: string, rows: Disposition[]): void {
  const lines = rows.map((row) => `${row.leadId},${row.phone},${row.outcome}`);
  fs.writeFileSync(`/exports/${campaignId}-manual.csv`, ['lead,phone,outcome', ...lines].join('\n')); // $ Alert[no-plaintext-pii-storage]
  const outcomeLines = rows.map((row) => `${row.leadId},${row.outcome}`);
  fs.writeFileSync(`/exports/${campaignId}-manual-outcomes.csv`, ['lead,outcome', ...outcomeLines].join('\n')); // safe: no PII
}

export function streamExport(campaignId: string, rows: Disposition[]): void {
  const out = createWriteStream(`/exports/${campaignId}-stream.csv`);
  out.write('lead,phone,outcome\n'); // safe: the header names a column, it holds no number
  for (const row of rows) {
    out.write(`${row.leadId},${row.phone},${row.outcome}\n`); // $ Alert[no-plaintext-pii-storage]
    out.write(`${row.leadId},${row.outcome},${row.durationSec}\n`); // safe: no PII
  }
  out.end();
}

export async function journalCall(callSid: string, callerPhone: string): Promise<void> {
  await appendFile('/var/log/dialer/journal.csv', `${callSid},${callerPhone}\n`); // $ Alert[no-plaintext-pii-storage]
  await appendFile('/var/log/dialer/journal.csv', `${callSid},${Date.now()}\n`); // safe: no PII
}

export async function archiveRecording(callSid: string, recording: Buffer): Promise<void> {
  await writeFile(`/archive/recordings/${callSid}.wav`, recording); // $ Alert[no-plaintext-pii-storage]
  await writeFile(`/archive/recordings/${callSid}.wav.enc`, encryptBuffer(recording)); // safe: encrypted
  await writeFile(`/archive/recordings/${callSid}.json`, JSON.stringify({ callSid, archivedAt: Date.now() })); // safe: no PII
}
