import { onRequest } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import { collections, REGION, TELNYX_API_KEY } from '../config';
import { db, serverTimestamp } from '../lib/admin';
import { findContactByPhone } from '../lib/crm';
import { setConsent } from '../lib/consent';
import { toE164 } from '../lib/mask';
import { phoneKey, sealPii } from '../lib/seal';

const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const START = new Set(['START', 'YES', 'UNSTOP']);

interface TelnyxInbound {
  data: {
    event_type: string;
    id: string;
    payload: {
      id: string;
      from: { phone_number: string; carrier?: string; line_type?: string };
      to: Array<{ phone_number: string }>;
      text: string;
      received_at: string;
    };
  };
}

/** Inbound SMS on the Telnyx long code: keywords and free-text replies. */
export const telnyxInbound = onRequest({ region: REGION, secrets: [TELNYX_API_KEY] }, async (req, res) => {
  const body = req.body as TelnyxInbound;
  if (body?.data?.event_type !== 'message.received') {
    res.status(204).end();
    return;
  }

  const { id: messageId, from, text, received_at: receivedAt } = body.data.payload;
  const sender = toE164(from.phone_number);
  if (!sender) {
    res.status(204).end();
    return;
  }

  const keyword = text.trim().toUpperCase();
  if (STOP.has(keyword)) {
    await setConsent(sender, 'sms', 'revoked', 'keyword');
    res.status(204).end();
    return;
  }
  if (START.has(keyword)) {
    await setConsent(sender, 'sms', 'granted', 'keyword');
    res.status(204).end();
    return;
  }

  const contact = await findContactByPhone(sender);
  await db.collection('inboundSms').doc(messageId).set({
    senderKey: phoneKey(sender),
    senderSealed: sealPii(sender),
    contactId: contact?.id ?? null,
    phoneVerified: contact?.phoneVerified ?? false, // safe: no-plaintext-pii-storage — boolean flag
    lineType: from.line_type ?? null,
    text: text.slice(0, 1600),
    receivedAt,
    storedAt: serverTimestamp(),
  });

  // Replies are worked as Flex tasks by the messaging team.
  await db.collection(collections.tasks).add({
    channel: 'sms',
    messageId,
    contactId: contact?.id ?? null,
    replyToSealed: sealPii(sender),
    createdAt: serverTimestamp(),
  });

  logger.info('sms reply queued for the messaging team', { messageId, contactId: contact?.id ?? null });
  res.status(204).end();
});
