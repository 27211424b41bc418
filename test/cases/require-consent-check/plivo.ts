// Collections dialer and payment-reminder SMS on Plivo.
import plivo from 'plivo';
import { dnc, tcpaConsent } from '@acme/compliance';

interface DebtorAccount {
  accountNo: string;
  phone: string;
  balanceCents: number;
  smsOptIn: boolean;
}

const CALLER_ID = process.env.PLIVO_CALLER_ID ?? '';
const SENDER_ID = process.env.PLIVO_SENDER_ID ?? '';
const ANSWER_URL = 'https://collections.acme-contact.com/plivo/answer';
const HANGUP_URL = 'https://collections.acme-contact.com/plivo/hangup';

const client = new plivo.Client(process.env.PLIVO_AUTH_ID, process.env.PLIVO_AUTH_TOKEN);

export async function collectionsCall(account: DebtorAccount): Promise<string> {
  const response = await client.calls.create( // $ Alert[require-consent-check]
    CALLER_ID,
    account.phone,
    ANSWER_URL,
    { answerMethod: 'POST', hangupUrl: HANGUP_URL, ringTimeout: 30, timeLimit: 900 },
  );
  return response.requestUuid;
}

export async function collectionsCallChecked(account: DebtorAccount): Promise<string | undefined> {
  if (!(await dnc.isListed(account.phone))) {
    const response = await client.calls.create(CALLER_ID, account.phone, ANSWER_URL, { answerMethod: 'POST' }); // safe: wrapped in DNC check
    return response.requestUuid;
  }
  return undefined;
}

export async function paymentReminder(account: DebtorAccount): Promise<void> {
  await client.messages.create({ // $ Alert[require-consent-check]
    src: SENDER_ID,
    dst: account.phone,
    text: `Account ${account.accountNo}: a payment is due. Reply STOP to opt out.`,
  });
}

export async function paymentReminderOptedIn(account: DebtorAccount): Promise<void> {
  if (!account.smsOptIn) return;
  await client.messages.create({ src: SENDER_ID, dst: account.phone, text: 'A payment is due.' }); // safe: same account's opt-in
}

// Older positional signature: messages.create(src, dst, text).
export async function legacyReminder(account: DebtorAccount): Promise<void> {
  await client.messages.create(SENDER_ID, account.phone, 'A payment is due.'); // $ Alert[require-consent-check]
}

export async function legacyReminderChecked(account: DebtorAccount): Promise<void> {
  const consented = await tcpaConsent.verify(account.phone);
  if (consented) {
    await client.messages.create(SENDER_ID, account.phone, 'A payment is due.'); // safe: TCPA consent verified first
  }
}

// Not dialling.
export async function callDetails(callUuid: string): Promise<unknown> {
  return client.calls.get(callUuid); // safe: reads a call record
}

export async function dropCall(callUuid: string): Promise<void> {
  await client.calls.hangup(callUuid); // safe: hangs up
}

export async function localNumbers(): Promise<unknown> {
  return client.numbers.search('US', { type: 'local', pattern: '415' }); // safe: number inventory search
}
