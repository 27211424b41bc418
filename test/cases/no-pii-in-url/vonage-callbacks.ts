// Outbound reminder calls on the Vonage Voice API. `answer_url` and `event_url` are lists of URLs that Vonage
// requests (and keeps in its logs) for every call; what goes into them goes into those logs.
import { Vonage } from '@vonage/server-sdk';
import { Auth } from '@vonage/auth';
import { hasConsent } from '@acme/compliance';

interface Reminder {
  id: string;
  patientPhone: string;
  clinicId: string;
}

const BASE = process.env.PUBLIC_BASE_URL ?? 'https://voice.acme-clinics.com';
const vonage = new Vonage(new Auth({ applicationId: process.env.VONAGE_APPLICATION_ID, privateKey: process.env.VONAGE_PRIVATE_KEY_PATH }));

export async function remind(reminder: Reminder): Promise<void> {
  if (!(await hasConsent(reminder.patientPhone))) return;
  await vonage.voice.createOutboundCall({
    to: [{ type: 'phone', number: reminder.patientPhone }],
    from: { type: 'phone', number: process.env.VONAGE_NUMBER ?? '' },
    answer_url: [`${BASE}/vonage/answer?reminder=${reminder.id}`], // safe: a reminder id
    event_url: [`${BASE}/vonage/events?to=${reminder.patientPhone}`], // $ Alert[no-pii-in-url]
    fallback_url: [`${BASE}/vonage/fallback?clinic=${reminder.clinicId}`], // safe: a clinic id
  });
}

export async function remindWithoutNumber(reminder: Reminder): Promise<void> {
  if (!(await hasConsent(reminder.patientPhone))) return;
  await vonage.voice.createOutboundCall({
    to: [{ type: 'phone', number: reminder.patientPhone }], // safe: the destination of the call, not a URL
    from: { type: 'phone', number: process.env.VONAGE_NUMBER ?? '' },
    answer_url: [`${BASE}/vonage/answer?reminder=${reminder.id}`], // safe: a reminder id
    event_url: [`${BASE}/vonage/events?reminder=${reminder.id}`, `${BASE}/audit/events?clinic=${reminder.clinicId}`], // safe: ids in both URLs
  });
}
