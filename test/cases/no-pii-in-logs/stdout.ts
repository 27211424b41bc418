// Nightly export job run from cron: writes progress to stdout/stderr, which the scheduler keeps for 90 days.
import { createHmac } from 'node:crypto';
import { maskPhone } from '@acme/pii';

interface ContactRow {
  leadId: string;
  campaignId: string;
  msisdn: string;
  lastDisposition: 'sale' | 'no-answer' | 'callback' | 'dnc';
  isPhoneVerified: boolean;
}

const PSEUDONYM_KEY = process.env.EXPORT_PSEUDONYM_KEY ?? '';

function pseudonym(value: string): string {
  return createHmac('sha256', PSEUDONYM_KEY).update(value).digest('hex').slice(0, 16);
}

export async function exportDispositions(rows: AsyncIterable<ContactRow>): Promise<void> {
  let done = 0;
  let failed = 0;
  for await (const row of rows) {
    try {
      await push(row);
      done += 1;
      process.stdout.write(`\rexported ${done}`); // safe: a counter
      process.stdout.write(`exported ${row.leadId} (${row.lastDisposition})\n`); // safe: id and disposition
    } catch (err) {
      failed += 1;
      process.stderr.write(`failed ${row.msisdn}: ${(err as Error).message}\n`); // $ Alert[no-pii-in-logs]
      process.stderr.write(`failed ${maskPhone(row.msisdn)}: ${(err as Error).message}\n`); // safe: masked
      process.stderr.write(`failed ${pseudonym(row.msisdn)}: ${(err as Error).message}\n`); // safe: keyed HMAC
    }
  }
  process.stdout.write(JSON.stringify({ done, failed }) + '\n'); // safe: counts
}

export function dumpRow(row: ContactRow): void {
  process.stdout.write(JSON.stringify(row) + '\n'); // $ Alert[no-pii-in-logs]
  process.stdout.write(JSON.stringify({ leadId: row.leadId, verified: row.isPhoneVerified }) + '\n'); // safe: id and flag
}

export function printHeader(campaignId: string, rows: ContactRow[]): void {
  process.stdout.write(`campaign ${campaignId}: ${rows.length} contacts\n`); // safe: count
  process.stdout.write(`first contact ${rows[0]?.msisdn ?? 'none'}\n`); // $ Alert[no-pii-in-logs]
  process.stdout.write(`first contact ${rows[0]?.leadId ?? 'none'}\n`); // safe: id
}

async function push(row: ContactRow): Promise<void> {
  const response = await fetch('https://crm.example.com/api/dispositions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ leadId: row.leadId, disposition: row.lastDisposition }),
  });
  if (!response.ok) throw new Error(`CRM answered ${response.status}`); // safe: status code
}
