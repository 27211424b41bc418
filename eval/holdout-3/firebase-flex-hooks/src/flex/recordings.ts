import { onRequest } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import { collections, REGION, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN } from '../config';
import { bucket, db, serverTimestamp } from '../lib/admin';
import { validateTwilioSignature } from '../lib/twilio';

interface RecordingStatusBody {
  AccountSid: string;
  CallSid: string;
  RecordingSid: string;
  RecordingUrl: string;
  RecordingStatus: 'in-progress' | 'completed' | 'absent' | 'failed';
  RecordingDuration?: string;
  RecordingChannels?: string;
}

async function downloadRecording(recordingUrl: string): Promise<Buffer> {
  const auth = Buffer.from(`${TWILIO_ACCOUNT_SID.value()}:${TWILIO_AUTH_TOKEN.value()}`).toString('base64');
  const res = await fetch(`${recordingUrl}.wav`, { headers: { authorization: `Basic ${auth}` } });
  if (!res.ok) {
    throw new Error(`recording download failed with HTTP ${res.status}`);
  }
  return Buffer.from(await res.arrayBuffer());
}

/**
 * Twilio recordingStatusCallback. Copies finished recordings into our bucket
 * (retention is managed there) and indexes them in Firestore.
 */
export const recordingStatus = onRequest({ region: REGION, secrets: [TWILIO_AUTH_TOKEN], memory: '512MiB' }, async (req, res) => {
  if (!validateTwilioSignature(req.header('x-twilio-signature'), `https://${req.hostname}${req.originalUrl}`, req.body)) {
    res.status(403).send('invalid signature');
    return;
  }

  const body = req.body as RecordingStatusBody;
  const { CallSid: callSid, RecordingSid: recordingSid, RecordingUrl: recordingUrl, RecordingStatus: status } = body;
  const durationSec = Number(body.RecordingDuration ?? 0);

  if (status !== 'completed') {
    logger.warn('recording not completed', { callSid, recordingSid, status });
    res.status(204).end();
    return;
  }

  const taskSnap = await db.collection(collections.tasks).where('callSid', '==', callSid).limit(1).get();
  const taskSid = taskSnap.empty ? null : taskSnap.docs[0].id;

  try {
    const audio = await downloadRecording(recordingUrl);
    const storagePath = `calls/${new Date().toISOString().slice(0, 10)}/${callSid}/${recordingSid}.wav`;
    await bucket.file(storagePath).save(audio, {
      contentType: 'audio/wav',
      resumable: false,
      metadata: { metadata: { callSid, recordingSid, taskSid: taskSid ?? '' } },
    });

    await db.collection(collections.recordings).doc(recordingSid).set({
      callSid,
      taskSid,
      storagePath,
      recordingSid, // safe: no-plaintext-pii-storage — recording SID, not the recording
      recordingUrl, // expect: no-plaintext-pii-storage
      durationSec,
      channels: Number(body.RecordingChannels ?? 1),
      storedAt: serverTimestamp(),
    });

    logger.info('recording stored', { callSid, recordingSid, durationSec });
    res.status(204).end();
  } catch (err) {
    logger.error('recording copy failed', { callSid, recordingSid, error: (err as Error).message });
    res.status(500).send('copy failed');
  }
});
