import { onMessagePublished } from 'firebase-functions/v2/pubsub';
import * as logger from 'firebase-functions/logger';
import { collections, REGION, topics } from '../config';
import { db, increment, serverTimestamp } from '../lib/admin';
import { maskPhone } from '../lib/mask';
import { phoneKey, sealPii } from '../lib/seal';
import type { CallEventMessage } from '../types';

/** Per-queue counters for the wallboard plus the missed-call list. */
export const onCallEvent = onMessagePublished({ topic: topics.callEvents, region: REGION }, async (event) => {
  const message = event.data.message.json as CallEventMessage;
  logger.debug('call-event message', message); // expect: no-pii-in-logs

  const day = new Date().toISOString().slice(0, 10);
  const statsRef = db.collection('queueStats').doc(`${message.queue ?? 'unknown'}_${day}`);

  switch (message.event) {
    case 'queued':
      await statsRef.set({ queued: increment(1), updatedAt: serverTimestamp() }, { merge: true });
      break;

    case 'abandoned': {
      await statsRef.set({ abandoned: increment(1), updatedAt: serverTimestamp() }, { merge: true });
      await db.collection(collections.missedCalls).add({
        callSid: message.callSid,
        taskSid: message.taskSid ?? null,
        queue: message.queue ?? 'unknown',
        callerPhone: message.caller, // expect: no-plaintext-pii-storage
        waitSeconds: message.waitSeconds ?? 0,
        followedUp: false,
        at: serverTimestamp(),
      });
      logger.info('missed call recorded', { callSid: message.callSid, caller: maskPhone(message.caller) });
      break;
    }

    case 'completed':
      await statsRef.set({ completed: increment(1), updatedAt: serverTimestamp() }, { merge: true });
      break;

    default:
      break;
  }
});

/**
 * Long-term analytics copy. The warehouse loader only needs a join key, and
 * the sealed number for the rare case an investigator needs it back.
 */
export const archiveCallEvent = onMessagePublished({ topic: topics.callEvents, region: REGION }, async (event) => {
  const message = event.data.message.json as CallEventMessage;
  await db.collection('callEventArchive').add({
    callSid: message.callSid,
    event: message.event,
    callerKey: phoneKey(message.caller),
    callerSealed: sealPii(message.caller),
    waitSeconds: message.waitSeconds ?? null,
    publishedAt: event.data.message.publishTime,
  });
});
