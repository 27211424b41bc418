// Recording and export archive on S3: Twilio recordings are copied to our bucket after each call.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import AWS from 'aws-sdk';
import express from 'express';
import twilio from 'twilio';
import { Readable } from 'node:stream';

const s3Client = new S3Client({ region: 'eu-west-1' });
const s3 = new AWS.S3({ region: 'eu-west-1' });
const BUCKET = process.env.ARCHIVE_BUCKET ?? 'acme-call-archive';
const KMS_KEY = process.env.ARCHIVE_KMS_KEY_ID;

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url, {
    headers: { authorization: `Basic ${Buffer.from(`${process.env.TWILIO_ACCOUNT_SID}:${process.env.TWILIO_AUTH_TOKEN}`).toString('base64')}` },
  });
  return Buffer.from(await response.arrayBuffer());
}

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/recording-status', twilio.webhook(), async (req, res) => {
  const { CallSid, RecordingSid, RecordingUrl } = req.body;
  const audio = await download(`${RecordingUrl}.wav`);

  await s3Client.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: `recordings/${CallSid}/${RecordingSid}.wav`,
      Body: audio, // $ Alert[no-plaintext-pii-storage]
      ContentType: 'audio/wav',
    }),
  );

  await s3Client.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: `recordings/${CallSid}/${RecordingSid}.wav`,
      Body: audio, // safe: ServerSideEncryption below
      ContentType: 'audio/wav',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: KMS_KEY,
    }),
  );

  await s3Client.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: `metadata/${CallSid}.json`,
      Body: JSON.stringify({ callSid: CallSid, recordingSid: RecordingSid, archivedAt: Date.now() }), // safe: no PII, no recording
    }),
  );

  res.sendStatus(204);
});

export async function archiveLargeRecording(callSid: string, recording: Readable): Promise<void> {
  const plain = new Upload({
    client: s3Client,
    params: { Bucket: BUCKET, Key: `recordings/${callSid}.mp3`, Body: recording }, // $ Alert[no-plaintext-pii-storage]
  });
  await plain.done();

  const encrypted = new Upload({
    client: s3Client,
    params: { Bucket: BUCKET, Key: `recordings/${callSid}.mp3`, Body: recording, ServerSideEncryption: 'AES256' }, // safe: SSE-S3
  });
  await encrypted.done();
}

export async function uploadLeadExport(campaignId: string, rows: { leadId: string; phone: string }[]): Promise<void> {
  const csv = ['lead_id,phone', ...rows.map((row) => `${row.leadId},${row.phone}`)].join('\n');
  await s3.putObject({ Bucket: BUCKET, Key: `exports/${campaignId}.csv`, Body: csv }).promise(); // $ Alert[no-plaintext-pii-storage]
  await s3.putObject({ Bucket: BUCKET, Key: `exports/${campaignId}.csv`, Body: csv, ServerSideEncryption: 'aws:kms' }).promise(); // safe: SSE-KMS

  const idsOnly = rows.map((row) => row.leadId).join('\n');
  await s3.upload({ Bucket: BUCKET, Key: `exports/${campaignId}-ids.txt`, Body: idsOnly }).promise(); // safe: no PII
}
