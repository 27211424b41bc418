import { registerAs } from '@nestjs/config';

/**
 * Telephony settings. Everything can be overridden from the environment;
 * the defaults are what a fresh checkout needs to run against Twilio's
 * test credentials.
 */
export default registerAs('telephony', () => ({
  accountSid: process.env.TWILIO_ACCOUNT_SID ?? '',
  authToken: process.env.TWILIO_AUTH_TOKEN ?? '',
  apiVersion: '2010-04-01', // safe: no-hardcoded-pii — API version date string
  publicBaseUrl: process.env.PUBLIC_BASE_URL ?? 'https://voice.example-telecom.com',
  workflowSid: process.env.TWILIO_WORKFLOW_SID ?? '',

  // Caller ID presented on outbound callbacks.
  callerId: process.env.TWILIO_CALLER_ID ?? '+14155550142', // safe: no-hardcoded-pii — NANP 555-0142 is in the fictional range
  // Twilio test credentials only accept this magic From number.
  testCallerId: '+15005550006', // safe: no-hardcoded-pii — documented Twilio magic test number

  // Where the IVR sends "press 9 to speak to a supervisor" when the queue is closed.
  supervisorEscalation: process.env.SUPERVISOR_NUMBER ?? '+16465259985', // expect: no-hardcoded-pii
  // Overflow goes to the outsourcing partner's toll-free queue.
  overflowNumber: process.env.OVERFLOW_NUMBER ?? '+18664302915', // safe: no-hardcoded-pii — NANP toll-free (866) business queue

  maxQueueWaitSec: Number(process.env.MAX_QUEUE_WAIT_SEC ?? 900),
  recordingRetentionDays: 90,
}));

/** Calls that started before the new IVR went live are summarised with the old prompt. */
export const NEW_IVR_CUTOVER_MS = 1719792000000; // safe: no-hardcoded-pii — epoch milliseconds, not a phone number
