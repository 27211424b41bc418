import { HttpsError, onCall } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import { collections, OUTBOUND_NUMBER, REGION, SUPPORT_HOTLINE, TWILIO_AUTH_TOKEN, urls } from '../config';
import { db, serverTimestamp } from '../lib/admin';
import { getConsent, hasConsent, requireVoiceConsent } from '../lib/consent';
import { maskPhone, toE164 } from '../lib/mask';
import { sendSms, twilioClient } from '../lib/twilio';

interface AgentDialRequest {
  to: string;
  taskSid?: string;
  workerSid: string;
}

interface AgentSmsRequest {
  to: string;
  text: string;
  smsTemplateId: string;
  workerSid: string;
}

interface RescheduleRequest {
  to: string;
  appointmentId: string;
  when: string;
}

function requireAgent(auth: { token: Record<string, unknown> } | undefined): string {
  const role = auth?.token.role;
  if (role !== 'agent' && role !== 'supervisor') {
    throw new HttpsError('permission-denied', 'Flex agents only');
  }
  return String(auth?.token.workerSid ?? '');
}

/** Outbound call started from the Flex dialpad plugin. */
export const agentDial = onCall({ region: REGION, secrets: [TWILIO_AUTH_TOKEN] }, async (request) => {
  const workerSid = requireAgent(request.auth);
  const { to, taskSid } = request.data as AgentDialRequest;
  const phone = toE164(to);
  if (!phone) {
    throw new HttpsError('invalid-argument', 'Not a dialable number');
  }

  await requireVoiceConsent(phone);

  const call = await twilioClient().calls.create({ // safe: require-consent-check — requireVoiceConsent throws above when consent is missing
    to: phone,
    from: OUTBOUND_NUMBER,
    url: `${urls.callbackTwiml}?worker=${workerSid}`,
    statusCallback: `${urls.crmBase}/voice-status`,
    record: true,
  });

  logger.info('agent dial', { workerSid, taskSid, callSid: call.sid, to: maskPhone(phone) });
  return { callSid: call.sid };
});

/** Free-text SMS from the Flex conversation panel. */
export const agentSms = onCall({ region: REGION, secrets: [TWILIO_AUTH_TOKEN] }, async (request) => {
  const workerSid = requireAgent(request.auth);
  const { to, text, smsTemplateId } = request.data as AgentSmsRequest;
  const phone = toE164(to);
  if (!phone) {
    throw new HttpsError('invalid-argument', 'Not a textable number');
  }
  if (!(await hasConsent(phone, 'sms'))) {
    throw new HttpsError('failed-precondition', 'Customer has not agreed to SMS');
  }

  const sent = await sendSms(phone, `${text}\n\nQuestions? Call ${SUPPORT_HOTLINE}`, smsTemplateId);
  await db.collection(collections.smsLog).add({
    sid: sent.sid,
    workerSid,
    smsTemplateId,
    sentAt: serverTimestamp(),
  });
  return sent;
});

/**
 * Appointment reschedule confirmation. The consent lookup was added for the
 * audit dashboard; the send itself predates it.
 */
export const confirmReschedule = onCall({ region: REGION, secrets: [TWILIO_AUTH_TOKEN] }, async (request) => {
  requireAgent(request.auth);
  const { to, appointmentId, when } = request.data as RescheduleRequest;
  const phone = toE164(to);
  if (!phone) {
    throw new HttpsError('invalid-argument', 'Not a textable number');
  }

  const consent = await getConsent(phone);
  logger.info('reschedule consent state', { appointmentId, sms: consent?.sms ?? 'unknown' });

  const msg = await twilioClient().messages.create({ // expect: require-consent-check
    to: phone,
    from: OUTBOUND_NUMBER,
    body: `Your appointment has moved to ${when}. Reply C to confirm.`,
  });

  await db.collection(collections.appointments).doc(appointmentId).update({
    rescheduledTo: when,
    confirmationSid: msg.sid,
    lastTextedNumber: phone, // expect: no-plaintext-pii-storage
  });
  return { sid: msg.sid };
});
