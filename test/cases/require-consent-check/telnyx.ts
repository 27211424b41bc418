// Insurance renewal campaign on Telnyx Call Control and Messaging.
import Telnyx from 'telnyx';
import { isCallable, canText } from '@acme/compliance';

interface PolicyHolder {
  policyId: string;
  phone: string;
  mobile: string;
  renewalDate: string;
}

const CONNECTION_ID = process.env.TELNYX_CONNECTION_ID ?? '';
const MESSAGING_PROFILE_ID = process.env.TELNYX_MESSAGING_PROFILE_ID ?? '';
const CALLER_ID = process.env.TELNYX_CALLER_ID ?? '';
const WEBHOOK_URL = 'https://renewals.acme-contact.com/telnyx/call-events';

const telnyx = new Telnyx(process.env.TELNYX_API_KEY ?? '');

export async function renewalCall(holder: PolicyHolder): Promise<string | undefined> {
  const { data } = await telnyx.calls.create({ // $ Alert[require-consent-check]
    connection_id: CONNECTION_ID,
    to: holder.phone,
    from: CALLER_ID,
    webhook_url: WEBHOOK_URL,
    answering_machine_detection: 'detect',
    client_state: Buffer.from(holder.policyId).toString('base64'),
  });
  return data?.call_control_id;
}

export async function renewalCallChecked(holder: PolicyHolder): Promise<string | undefined> {
  if (!(await isCallable(holder.phone))) {
    throw new Error(`policy ${holder.policyId} may not be called`);
  }
  const { data } = await telnyx.calls.create({ // safe: throws before the call
    connection_id: CONNECTION_ID,
    to: holder.phone,
    from: CALLER_ID,
    webhook_url: WEBHOOK_URL,
  });
  return data?.call_control_id;
}

export async function renewalText(holder: PolicyHolder): Promise<void> {
  await telnyx.messages.create({ // $ Alert[require-consent-check]
    from: CALLER_ID,
    to: holder.mobile,
    text: `Your policy renews on ${holder.renewalDate}. Reply STOP to opt out.`,
    messaging_profile_id: MESSAGING_PROFILE_ID,
  });
}

export async function renewalTextChecked(holder: PolicyHolder): Promise<unknown> {
  return (await canText(holder.mobile)) // safe: ternary on the same number
    ? telnyx.messages.create({
        from: CALLER_ID,
        to: holder.mobile,
        text: `Your policy renews on ${holder.renewalDate}.`,
        messaging_profile_id: MESSAGING_PROFILE_ID,
      })
    : null;
}

// Texting the mobile after checking the landline: a different number.
export async function renewalTextWrongNumber(holder: PolicyHolder): Promise<void> {
  if (!(await canText(holder.phone))) return;
  await telnyx.messages.create({ from: CALLER_ID, to: holder.mobile, text: 'Your policy renews soon.' }); // $ Alert[require-consent-check]
}

// Not dialling.
export async function messageStatus(messageId: string): Promise<unknown> {
  const { data } = await telnyx.messages.retrieve(messageId); // safe: reads a sent message
  return data?.to;
}
