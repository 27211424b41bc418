import { onRequest } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import { PubSub } from '@google-cloud/pubsub';
import { collections, OUTBOUND_NUMBER, REGION, TWILIO_AUTH_TOKEN, topics, urls } from '../config';
import { db, increment, serverTimestamp } from '../lib/admin';
import { billingBalance } from '../lib/crm';
import { maskPhone, toE164 } from '../lib/mask';
import { phoneKey, sealPii } from '../lib/seal';
import { twilioClient, validateTwilioSignature } from '../lib/twilio';
import type { CallEventMessage, TaskRouterEvent, VoiceTaskAttributes } from '../types';

const pubsub = new PubSub();

function parseAttributes(raw: string | undefined): VoiceTaskAttributes | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as VoiceTaskAttributes;
  } catch {
    return null;
  }
}

async function publishCallEvent(message: CallEventMessage): Promise<void> {
  await pubsub.topic(topics.callEvents).publishMessage({ json: message });
}

async function onTaskCreated(taskSid: string, attributes: VoiceTaskAttributes, queueName: string | undefined): Promise<void> {
  logger.info('task created', attributes); // expect: no-pii-in-logs

  const callerNumber = toE164(attributes.from);
  const balance = attributes.account_number ? await billingBalance(attributes.account_number) : null;
  await db
    .collection(collections.tasks)
    .doc(taskSid)
    .set({
      taskSid,
      callSid: attributes.call_sid,
      queue: queueName ?? null,
      balanceAtQueue: balance,
      direction: attributes.direction,
      callerNumber: attributes.from, // expect: no-plaintext-pii-storage
      callerKey: callerNumber ? phoneKey(callerNumber) : null, // safe: no-plaintext-pii-storage — keyed HMAC
      createdAt: serverTimestamp(),
    });

  await publishCallEvent({ callSid: attributes.call_sid, taskSid, event: 'queued', caller: attributes.from, queue: queueName });
}

async function onTaskCanceled(taskSid: string, attributes: VoiceTaskAttributes, taskAge: number): Promise<void> {
  await db.collection(collections.tasks).doc(taskSid).update({ status: 'canceled', waitSeconds: taskAge });

  const caller = toE164(attributes.caller || attributes.from);
  if (!caller) return;

  await publishCallEvent({ callSid: attributes.call_sid, taskSid, event: 'abandoned', caller, waitSeconds: taskAge });

  // Abandoned after a long wait: ring them straight back so they keep their place.
  if (taskAge >= 120) {
    const call = await twilioClient().calls.create({ // expect: require-consent-check
      to: caller,
      from: OUTBOUND_NUMBER,
      url: `${urls.callbackTwiml}?task=${taskSid}`,
      statusCallback: urls.voiceStatus,
      statusCallbackEvent: ['initiated', 'answered', 'completed'],
    });
    await db.collection(collections.tasks).doc(taskSid).update({
      autoCallbackSid: call.sid,
      autoCallbackAt: serverTimestamp(),
    });
    logger.info('auto callback placed', { taskSid, callSid: call.sid, waitSeconds: taskAge });
  }
}

async function onTaskCompleted(taskSid: string, attributes: VoiceTaskAttributes, workerName: string | undefined): Promise<void> {
  await db.collection(collections.tasks).doc(taskSid).update({
    status: 'completed',
    handledBy: workerName ?? null,
    completedAt: serverTimestamp(),
  });

  const customer = toE164(attributes.from);
  if (!customer) return;

  await db
    .collection('customerHistory')
    .doc(phoneKey(customer))
    .set(
      {
        lastContactAt: serverTimestamp(),
        contacts: increment(1),
        lastNumberSealed: sealPii(customer), // safe: no-plaintext-pii-storage — AES-GCM sealed
        lastCallerName: attributes.name ?? null,
      },
      { merge: true },
    );
  logger.info('task completed', { taskSid, workerName, caller: maskPhone(customer) });
}

/**
 * TaskRouter workspace event callback. Configured in the Flex console as the
 * workspace's Event Callback URL.
 */
export const taskRouterEvents = onRequest({ region: REGION, secrets: [TWILIO_AUTH_TOKEN] }, async (req, res) => {
  const signature = req.header('x-twilio-signature');
  const fullUrl = `https://${req.hostname}${req.originalUrl}`;
  if (!validateTwilioSignature(signature, fullUrl, req.body)) {
    res.status(403).send('invalid signature');
    return;
  }

  const event = req.body as TaskRouterEvent;
  const { EventType: eventType, TaskSid: taskSid, WorkspaceSid: workspaceSid } = event;
  logger.info('taskrouter event', { eventType, taskSid, workspaceSid }); // safe: no-pii-in-logs — event type and SIDs

  const attributes = parseAttributes(event.TaskAttributes);
  if (!taskSid || !attributes) {
    res.status(204).end();
    return;
  }

  try {
    switch (eventType) {
      case 'task.created':
        await onTaskCreated(taskSid, attributes, event.TaskQueueName);
        break;
      case 'task.canceled':
        await onTaskCanceled(taskSid, attributes, Number(event.TaskAge ?? 0));
        break;
      case 'task.completed':
        await onTaskCompleted(taskSid, attributes, event.WorkerName);
        break;
      default:
        break;
    }
    res.status(204).end();
  } catch (err) {
    logger.error(`taskrouter ${eventType} failed for task ${taskSid}`, err);
    res.status(500).send('error');
  }
});
