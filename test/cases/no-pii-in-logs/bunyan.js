// Recording pipeline: Twilio posts the recording status callback, a worker transcribes and archives it.
import bunyan from 'bunyan';
import express from 'express';
import twilio from 'twilio';
import { maskPhone, redactUrl } from '@acme/pii';

const log = bunyan.createLogger({ name: 'recordings', level: 'info' });
const archiveLog = log.child({ component: 'archive' });

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/recording-status', twilio.webhook(), async (req, res) => {
  const { CallSid, RecordingSid, RecordingUrl, RecordingDuration, RecordingStatus } = req.body;

  log.info({ callSid: CallSid, recordingSid: RecordingSid }, 'recording ready'); // safe: SIDs
  log.info({ recordingUrl: RecordingUrl }, 'recording ready'); // $ Alert[no-pii-in-logs]
  log.info({ recordingUrl: redactUrl(RecordingUrl) }, 'recording ready'); // safe: redacted
  log.info({ durationSec: Number(RecordingDuration), status: RecordingStatus }, 'recording stats'); // safe: duration and status

  await enqueueTranscription({ callSid: CallSid, recordingSid: RecordingSid });
  res.sendStatus(204);
});

app.post('/voice/status', twilio.webhook(), (req, res) => {
  const call = req.body;
  if (call.CallStatus === 'failed') {
    log.warn({ to: call.To }, 'outbound call failed'); // $ Alert[no-pii-in-logs]
    log.warn({ to: maskPhone(call.To) }, 'outbound call failed'); // safe: masked
    log.warn({ callSid: call.CallSid, sipCode: call.SipResponseCode }, 'outbound call failed'); // safe: SID and SIP code
  }
  res.sendStatus(204);
});

/**
 * @param {{ callSid: string, recordingUrl: string, customer: { id: string, phone: string } }} job
 */
export async function archiveRecording(job) {
  archiveLog.info({ job }, 'archiving'); // $ Alert[no-pii-in-logs]
  archiveLog.info({ callSid: job.callSid, customerId: job.customer.id }, 'archiving'); // safe: identifiers
  try {
    await copyToColdStorage(job.callSid);
  } catch (err) {
    archiveLog.error({ err, customer: job.customer }, 'archive failed'); // $ Alert[no-pii-in-logs]
    archiveLog.error({ err, callSid: job.callSid }, 'archive failed'); // safe: error and SID
  }
}

/** @param {{ callSid: string, recordingSid: string }} job */
async function enqueueTranscription(job) {
  log.debug({ queue: 'transcribe', ...job }, 'enqueued'); // safe: SIDs only
}

/** @param {string} callSid */
async function copyToColdStorage(callSid) {
  log.trace({ callSid }, 'copying'); // safe: call SID
}
