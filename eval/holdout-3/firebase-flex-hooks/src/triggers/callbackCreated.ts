import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import * as logger from 'firebase-functions/logger';
import { collections, OUTBOUND_NUMBER, REGION, TWILIO_AUTH_TOKEN, urls } from '../config';
import { increment, serverTimestamp } from '../lib/admin';
import { hasConsent } from '../lib/consent';
import { maskPhone, toE164 } from '../lib/mask';
import { twilioClient } from '../lib/twilio';
import type { CallbackRequestDoc } from '../types';

const MAX_ATTEMPTS = 3;

/**
 * A callback request was written (IVR "press 1 to be called back", the web
 * form, or an agent). Dial it once straight away; the scheduler retries.
 */
export const onCallbackRequested = onDocumentCreated(
  { document: `${collections.callbacks}/{requestId}`, region: REGION, secrets: [TWILIO_AUTH_TOKEN] },
  async (event) => {
    const snap = event.data;
    if (!snap) return;

    const { requestId } = event.params;
    const data = snap.data() as CallbackRequestDoc;
    const phone = toE164(data.phone);

    if (!phone) {
      await snap.ref.update({ status: 'failed', failure: 'unparseable-number' });
      logger.warn('callback request with unusable number', { requestId, source: data.source });
      return;
    }

    if (!(await hasConsent(phone, 'voice'))) {
      await snap.ref.update({ status: 'blocked', blockedAt: serverTimestamp() });
      logger.info('callback blocked: no voice consent', { requestId, phone: maskPhone(phone) });
      return;
    }

    if (data.numberOfAttempts >= MAX_ATTEMPTS) {
      await snap.ref.update({ status: 'failed', failure: 'attempts-exhausted' });
      return;
    }

    try {
      const call = await twilioClient().calls.create({ // safe: require-consent-check — early return above when voice consent is missing
        to: phone,
        from: OUTBOUND_NUMBER,
        url: `${urls.callbackTwiml}?request=${requestId}`,
        statusCallback: urls.voiceStatus,
        timeout: 30,
      });

      await snap.ref.update({
        status: 'dialling',
        callSid: call.sid,
        numberOfAttempts: increment(1),
        lastAttemptAt: serverTimestamp(),
      });
      logger.info('callback dialled', { requestId, callSid: call.sid });
    } catch (err) {
      await snap.ref.update({ status: 'failed', failure: 'twilio-error', numberOfAttempts: increment(1) });
      logger.error(`callback ${requestId} to ${data.phone} failed`, err); // expect: no-pii-in-logs
    }
  },
);
