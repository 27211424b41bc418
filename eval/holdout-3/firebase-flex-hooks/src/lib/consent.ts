import { HttpsError } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import { collections } from '../config';
import type { ConsentDoc } from '../types';
import { db, serverTimestamp } from './admin';
import { maskPhone } from './mask';
import { phoneKey } from './seal';

export type ConsentChannel = 'sms' | 'voice';

export async function getConsent(phone: string): Promise<ConsentDoc | null> {
  const snap = await db.collection(collections.consents).doc(phoneKey(phone)).get();
  return snap.exists ? (snap.data() as ConsentDoc) : null;
}

/** Only an explicit grant counts; unknown is treated as no. */
export async function hasConsent(phone: string, channel: ConsentChannel): Promise<boolean> {
  const consent = await getConsent(phone);
  return consent?.[channel] === 'granted';
}

/** For callable/HTTP handlers: throws when the customer has not agreed to calls. */
export async function requireVoiceConsent(phone: string): Promise<void> {
  const ok = await hasConsent(phone, 'voice');
  if (!ok) {
    throw new HttpsError('failed-precondition', `No voice consent on file for ${phone}`); // expect: no-pii-in-logs
  }
}

export async function setConsent(phone: string, channel: ConsentChannel, value: 'granted' | 'revoked', source: string): Promise<void> {
  await db
    .collection(collections.consents)
    .doc(phoneKey(phone))
    .set(
      {
        phoneHash: phoneKey(phone),
        [channel]: value,
        source,
        updatedAt: serverTimestamp(),
      },
      { merge: true },
    );
  logger.info('consent updated', { channel, value, source, phone: maskPhone(phone) });
}
