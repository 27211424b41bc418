// Delivery-window notifications and driver callbacks on Bandwidth (bandwidth-sdk).
import { CallsApi, Configuration, MessagesApi } from 'bandwidth-sdk';
import { consentService } from '@acme/compliance';

interface Recipient {
  customerId: string;
  mobile: string;
  smsOptIn: boolean;
}

interface Delivery {
  orderId: string;
  customerId: string;
  phone: string;
  window: string;
}

const ACCOUNT_ID = process.env.BW_ACCOUNT_ID ?? '';
const VOICE_APP_ID = process.env.BW_VOICE_APPLICATION_ID ?? '';
const MESSAGING_APP_ID = process.env.BW_MESSAGING_APPLICATION_ID ?? '';
const FROM_NUMBER = process.env.BW_NUMBER ?? '';

const config = new Configuration({ username: process.env.BW_USERNAME, password: process.env.BW_PASSWORD });
const callsApi = new CallsApi(config);
const messagesApi = new MessagesApi(config);

export async function driverCallback(delivery: Delivery): Promise<string | undefined> {
  const { data } = await callsApi.createCall(ACCOUNT_ID, { // $ Alert[require-consent-check]
    applicationId: VOICE_APP_ID,
    to: delivery.phone,
    from: FROM_NUMBER,
    answerUrl: 'https://logistics.acme-contact.com/bandwidth/answer',
    tag: delivery.orderId,
  });
  return data.callId;
}

export async function driverCallbackChecked(delivery: Delivery): Promise<string | undefined> {
  // consent recorded per customer: the check and the call concern the same delivery record
  if (!(await consentService.canCall(delivery.customerId))) return undefined;
  const { data } = await callsApi.createCall(ACCOUNT_ID, { // safe: same customer object checked
    applicationId: VOICE_APP_ID,
    to: delivery.phone,
    from: FROM_NUMBER,
    answerUrl: 'https://logistics.acme-contact.com/bandwidth/answer',
  });
  return data.callId;
}

export async function windowNotice(delivery: Delivery): Promise<void> {
  await messagesApi.createMessage(ACCOUNT_ID, { // $ Alert[require-consent-check]
    applicationId: MESSAGING_APP_ID,
    to: [delivery.phone],
    from: FROM_NUMBER,
    text: `Order ${delivery.orderId} arrives between ${delivery.window}.`,
  });
}

// Group notice: only recipients who opted in end up in `to`.
export async function groupNotice(recipients: Recipient[], text: string): Promise<void> {
  const optedIn = recipients.filter((r) => r.smsOptIn);
  await messagesApi.createMessage(ACCOUNT_ID, { // safe: list filtered on opt-in
    applicationId: MESSAGING_APP_ID,
    to: optedIn.map((r) => r.mobile),
    from: FROM_NUMBER,
    text,
  });
}

export async function groupNoticeUnfiltered(recipients: Recipient[], text: string): Promise<void> {
  await messagesApi.createMessage(ACCOUNT_ID, { // $ Alert[require-consent-check]
    applicationId: MESSAGING_APP_ID,
    to: recipients.map((r) => r.mobile),
    from: FROM_NUMBER,
    text,
  });
}

// Not dialling.
export async function callState(callId: string): Promise<string | undefined> {
  const { data } = await callsApi.getCallState(ACCOUNT_ID, callId); // safe: reads call state
  return data.state;
}

export async function endCall(callId: string): Promise<void> {
  await callsApi.updateCall(ACCOUNT_ID, callId, { state: 'completed' }); // safe: ends a live call
}
