// Clinic reminders and agent callbacks on Vonage: Voice API, SMS API and Messages API.
import { Vonage } from '@vonage/server-sdk';
import { Auth } from '@vonage/auth';
import { SMS } from '@vonage/messages';
import { checkDoNotCall, smsOptIns } from '@acme/compliance';

interface Patient {
  id: string;
  mobile: string;
  clinicName: string;
  whatsappOptIn: boolean;
}

interface CallbackTask {
  id: string;
  customerPhone: string;
  queue: string;
}

const VONAGE_NUMBER = process.env.VONAGE_NUMBER ?? '';
const WHATSAPP_SENDER = process.env.VONAGE_WHATSAPP_NUMBER ?? '';
const ANSWER_URL = 'https://voice.acme-contact.com/vonage/answer';
const EVENT_URL = 'https://voice.acme-contact.com/vonage/events';

const vonage = new Vonage(
  new Auth({
    apiKey: process.env.VONAGE_API_KEY,
    apiSecret: process.env.VONAGE_API_SECRET,
    applicationId: process.env.VONAGE_APPLICATION_ID,
    privateKey: process.env.VONAGE_PRIVATE_KEY_PATH,
  }),
);

export async function callBack(task: CallbackTask): Promise<string | undefined> {
  const result = await vonage.voice.createOutboundCall({ // $ Alert[require-consent-check]
    to: [{ type: 'phone', number: task.customerPhone }],
    from: { type: 'phone', number: VONAGE_NUMBER },
    answer_url: [`${ANSWER_URL}?queue=${task.queue}`],
    event_url: [EVENT_URL],
  });
  return result.uuid;
}

export async function callBackChecked(task: CallbackTask): Promise<string | undefined> {
  const listed = await checkDoNotCall(task.customerPhone);
  if (listed) return undefined;
  const result = await vonage.voice.createOutboundCall({ // safe: DNC result guards the call
    to: [{ type: 'phone', number: task.customerPhone }],
    from: { type: 'phone', number: VONAGE_NUMBER },
    answer_url: [ANSWER_URL],
  });
  return result.uuid;
}

export async function remind(patient: Patient, when: string): Promise<void> {
  await vonage.sms.send({ // $ Alert[require-consent-check]
    to: patient.mobile,
    from: 'AcmeClinic',
    text: `${patient.clinicName}: your appointment is on ${when}. Reply STOP to opt out.`,
  });
}

export async function remindOptedIn(patient: Patient, when: string): Promise<void> {
  if (!(await smsOptIns.isOptedIn(patient.mobile))) return;
  await vonage.sms.send({ to: patient.mobile, from: 'AcmeClinic', text: `Appointment on ${when}.` }); // safe: opt-in checked
}

export async function whatsappReminder(patient: Patient, when: string): Promise<void> {
  if (!patient.whatsappOptIn) return;
  await vonage.messages.send({ // safe: same patient's opt-in flag
    message_type: 'text',
    channel: 'whatsapp',
    to: patient.mobile,
    from: WHATSAPP_SENDER,
    text: `Appointment on ${when}.`,
  });
}

export async function smsViaMessagesApi(patient: Patient): Promise<void> {
  await vonage.messages.send(new SMS({ to: patient.mobile, from: VONAGE_NUMBER, text: 'Your results are ready.' })); // $ Alert[require-consent-check]
}

// Not dialling: control and inspection of existing calls.
export async function endCall(uuid: string): Promise<void> {
  await vonage.voice.hangupCall(uuid); // safe: hangs up an existing call
}

export async function callStatus(uuid: string): Promise<string | undefined> {
  const call = await vonage.voice.getCall(uuid); // safe: reads call details
  return call.status;
}

export async function playHoldMessage(uuid: string): Promise<void> {
  await vonage.voice.playTTS(uuid, { text: 'Please hold, an agent will be with you shortly.' }); // safe: speaks into a live call
}
