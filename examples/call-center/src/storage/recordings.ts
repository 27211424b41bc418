import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { config } from '../config.js';
import { logger } from '../lib/logger.js';
import { twilioClient } from '../lib/twilio.js';

const s3 = new S3Client({ region: config.aws.region });

/** Share of calls copied to the quality team's review tool. */
const QA_SAMPLE_RATE = 0.02;

export interface RecordingStatus {
  CallSid: string;
  RecordingSid: string;
  RecordingUrl: string;
}

/**
 * Archives a finished Twilio recording under KMS and deletes Twilio's copy, so the only
 * copy left is the encrypted one with our retention policy. Returns the object key.
 */
export async function archiveRecording(status: RecordingStatus): Promise<string> {
  const recording = await downloadRecording(status.RecordingUrl);
  const s3Key = `recordings/${status.CallSid}/${status.RecordingSid}.wav`;

  await s3.send(
    new PutObjectCommand({
      Bucket: config.aws.recordingsBucket,
      Key: s3Key,
      Body: recording,
      ContentType: 'audio/wav',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: config.aws.recordingsKmsKeyId,
    }),
  );

  if (Math.random() < QA_SAMPLE_RATE) await copyToQaSample(status.RecordingSid, recording);

  await twilioClient.recordings(status.RecordingSid).remove();
  logger.info('recording archived', { callSid: status.CallSid, recordingSid: status.RecordingSid });
  return s3Key;
}

/** The QA review tool reads straight from its own bucket. */
async function copyToQaSample(recordingSid: string, recording: Buffer): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: config.aws.qaBucket,
      Key: `samples/${recordingSid}.wav`,
      Body: recording, // $ Alert[no-plaintext-pii-storage]
      ContentType: 'audio/wav',
    }),
  );
}

async function downloadRecording(recordingUrl: string): Promise<Buffer> {
  const credentials = Buffer.from(`${config.twilio.accountSid}:${config.twilio.authToken}`).toString('base64');
  const response = await fetch(`${recordingUrl}.wav`, { headers: { Authorization: `Basic ${credentials}` } });
  if (!response.ok) throw new Error(`Recording download failed with HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
