import type { S3Event } from 'aws-lambda';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, s3 } from '../lib/aws';
import { config } from '../config';
import { logger, setLogContext } from '../lib/logger';

/** connect/<instance>/CallRecordings/2024/06/01/<contactId>_20240601T12:00_UTC.wav */
const RECORDING_KEY = /CallRecordings\/(\d{4})\/(\d{2})\/(\d{2})\/([0-9a-f-]{36})_/;

/** Share of recordings (percent) the external QA vendor scores each day. */
const QA_SAMPLE_PERCENT = 5;

async function readObject(bucket: string, key: string): Promise<Buffer> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!out.Body) throw new Error(`Empty object s3://${bucket}/${key}`);
  return Buffer.from(await out.Body.transformToByteArray());
}

/** Deterministic sample on the contact id so redeliveries make the same choice. */
function isSampledForQa(contactId: string): boolean {
  return parseInt(contactId.replace(/-/g, '').slice(-4), 16) % 100 < QA_SAMPLE_PERCENT;
}

async function indexRecording(contactId: string, archiveKey: string, bytes: number): Promise<void> {
  await ddb.send(
    new PutCommand({
      TableName: config.tables.contactLog,
      Item: { contactId: `rec#${contactId}`, kind: 'recording', archiveKey, bytes, archivedAt: new Date().toISOString() },
    }),
  );
}

/** S3 ObjectCreated trigger on the bucket Amazon Connect writes recordings to. */
export const handler = async (event: S3Event): Promise<void> => {
  setLogContext({ fn: 'recordingArchiver' });
  for (const record of event.Records) {
    const sourceBucket = record.s3.bucket.name;
    const sourceKey = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const match = RECORDING_KEY.exec(sourceKey);
    if (!match) {
      logger.debug('Not a call recording, skipping', { sourceKey });
      continue;
    }
    const [, yyyy, mm, dd, contactId] = match;
    const audio = await readObject(sourceBucket, sourceKey);

    const archiveKey = `recordings/${yyyy}/${mm}/${dd}/${contactId}.wav`;
    await s3.send(new PutObjectCommand({ Bucket: config.buckets.recordingsArchive, Key: archiveKey, Body: audio, ContentType: 'audio/wav', ServerSideEncryption: 'aws:kms', SSEKMSKeyId: config.kms.recordingsKeyId })); // safe: no-plaintext-pii-storage — SSE-KMS with the recordings key
    await indexRecording(contactId, archiveKey, audio.length);

    if (isSampledForQa(contactId)) {
      const qaKey = `incoming/${yyyy}${mm}${dd}/${contactId}.wav`;
      await s3.send(new PutObjectCommand({ Bucket: config.buckets.qaVendorDrop, Key: qaKey, Body: audio, ContentType: 'audio/wav' })); // expect: no-plaintext-pii-storage
      logger.info('Recording shared with QA vendor', { contactId, qaKey });
    }

    logger.info('Recording archived', { contactId, archiveKey, bytes: audio.length });
  }
};
