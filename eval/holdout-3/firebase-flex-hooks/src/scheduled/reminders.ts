import { onSchedule } from 'firebase-functions/v2/scheduler';
import * as logger from 'firebase-functions/logger';
import { Timestamp } from 'firebase-admin/firestore';
import { collections, REGION, SUPPORT_HOTLINE, TELNYX_API_KEY, TWILIO_AUTH_TOKEN } from '../config';
import { db, serverTimestamp } from '../lib/admin';
import { hasConsent } from '../lib/consent';
import { maskPhone, toE164 } from '../lib/mask';
import { TELNYX_FROM, TELNYX_MESSAGING_PROFILE, telnyx, telnyxWebhook } from '../lib/telnyx';
import { sendSms } from '../lib/twilio';
import type { AppointmentDoc } from '../types';

const TEMPLATES: Record<string, (branch: string, at: Date) => string> = {
  appt_reminder_v3: (branch, at) =>
    `Reminder: your appointment at ${branch} is tomorrow at ${at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}. Reply R to reschedule.`,
};

interface ReminderTarget {
  id: string;
  phone: string;
  appt: AppointmentDoc;
}

/** Appointment reminders, 24h ahead, every 15 minutes. */
export const appointmentReminders = onSchedule(
  { schedule: 'every 15 minutes', region: REGION, secrets: [TWILIO_AUTH_TOKEN] },
  async () => {
    const from = Timestamp.fromMillis(Date.now() + 23.75 * 3600 * 1000);
    const to = Timestamp.fromMillis(Date.now() + 24 * 3600 * 1000);
    const snap = await db
      .collection(collections.appointments)
      .where('startsAt', '>=', from)
      .where('startsAt', '<', to)
      .where('reminderSent', '==', false)
      .get();

    const candidates: ReminderTarget[] = [];
    for (const doc of snap.docs) {
      const appt = doc.data() as AppointmentDoc;
      const phone = toE164(appt.mobile);
      if (phone) candidates.push({ id: doc.id, phone, appt });
    }

    const consented = await Promise.all(candidates.map((c) => hasConsent(c.phone, 'sms')));
    const targets = candidates.filter((_, i) => consented[i]);

    let sent = 0;
    for (const { id, phone, appt } of targets) {
      const render = TEMPLATES[appt.smsTemplateId] ?? TEMPLATES.appt_reminder_v3;
      try {
        const { sid } = await sendSms(phone, `${render(appt.branch, appt.startsAt.toDate())} Help: ${SUPPORT_HOTLINE}`, appt.smsTemplateId);
        await db.collection(collections.appointments).doc(id).update({
          reminderSent: true,
          reminderSid: sid,
          reminderAt: serverTimestamp(),
        });
        sent += 1;
      } catch (err) {
        logger.warn('reminder failed', { appointmentId: id, to: maskPhone(phone), error: (err as Error).message });
      }
    }

    logger.info('reminder run', { window: [from.toDate().toISOString(), to.toDate().toISOString()], candidates: candidates.length, sent }); // safe: no-pii-in-logs — from/to are a time window, not numbers
  },
);

/**
 * Missed-call follow-up: anyone who hung up in the queue in the last hour and
 * was not called back gets a text with a booking link.
 */
export const missedCallFollowUp = onSchedule(
  { schedule: 'every 60 minutes', region: REGION, secrets: [TELNYX_API_KEY] },
  async () => {
    const since = Timestamp.fromMillis(Date.now() - 3600 * 1000);
    const snap = await db.collection(collections.missedCalls).where('at', '>=', since).where('followedUp', '==', false).limit(200).get();

    for (const doc of snap.docs) {
      const { callerPhone, queue } = doc.data() as { callerPhone: string; queue: string };
      const msg = await telnyx().messages.create({ // expect: require-consent-check
        from: TELNYX_FROM,
        to: callerPhone,
        text: `Sorry we missed you in the ${queue} line. Book a callback: https://help.flex-cc.example.com/cb`,
        messaging_profile_id: TELNYX_MESSAGING_PROFILE,
        webhook_url: telnyxWebhook(),
      });
      await doc.ref.update({ followedUp: true, followUpId: msg.data.id });
      console.log('missed-call follow-up sent', { to: callerPhone, id: msg.data.id }); // expect: no-pii-in-logs
    }
  },
);
