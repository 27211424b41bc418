// Loyalty-programme SMS and order-ready voice callouts on Sinch (@sinch/sdk-core).
import { SinchClient } from '@sinch/sdk-core';
import { suppressionList } from '@acme/compliance';

interface Member {
  memberId: string;
  mobile: string;
  smsOptIn: boolean;
  tier: 'gold' | 'silver';
}

const SENDER = process.env.SINCH_SENDER ?? '';
const CLI = process.env.SINCH_CLI ?? '';

const sinch = new SinchClient({
  projectId: process.env.SINCH_PROJECT_ID ?? '',
  keyId: process.env.SINCH_KEY_ID ?? '',
  keySecret: process.env.SINCH_KEY_SECRET ?? '',
});

export async function pointsExpiring(member: Member, points: number): Promise<string | undefined> {
  const batch = await sinch.sms.batches.send({ // $ Alert[require-consent-check]
    sendSMSRequestBody: {
      to: [member.mobile],
      from: SENDER,
      body: `${points} points expire this month. Reply STOP to opt out.`,
    },
  });
  return batch.id;
}

export async function pointsExpiringChecked(member: Member, points: number): Promise<string | undefined> {
  if (!member.smsOptIn) return undefined;
  const batch = await sinch.sms.batches.send({ // safe: same member's opt-in
    sendSMSRequestBody: { to: [member.mobile], from: SENDER, body: `${points} points expire this month.` },
  });
  return batch.id;
}

// Campaign send: suppressed numbers are removed before the batch.
export async function goldTierCampaign(members: Member[], text: string): Promise<void> {
  const suppressed = await suppressionList.lookup(members.map((m) => m.mobile));
  const audience = members.filter((m) => m.tier === 'gold' && !suppressed.has(m.mobile));
  for (const m of audience) {
    await sinch.sms.batches.send({ sendSMSRequestBody: { to: [m.mobile], from: SENDER, body: text } }); // safe: filtered on suppression
  }
}

export async function tierCampaign(members: Member[], text: string): Promise<void> {
  for (const m of members.filter((x) => x.tier === 'silver')) {
    await sinch.sms.batches.send({ sendSMSRequestBody: { to: [m.mobile], from: SENDER, body: text } }); // $ Alert[require-consent-check]
  }
}

// Voice callout (text to speech) to the member's number.
export async function orderReadyCallout(member: Member, store: string): Promise<void> {
  await sinch.voice.callouts.tts({ // $ Alert[require-consent-check]
    ttsCalloutRequestBody: {
      method: 'ttsCallout',
      ttsCallout: {
        cli: CLI,
        destination: { type: 'number', endpoint: member.mobile },
        locale: 'en-US',
        text: `Your order is ready for pick-up at ${store}.`,
      },
    },
  });
}

export async function orderReadyCalloutChecked(member: Member, store: string): Promise<void> {
  if (!member.smsOptIn) return;
  await sinch.voice.callouts.tts({ // safe: the member's opt-in returns early above
    ttsCalloutRequestBody: {
      method: 'ttsCallout',
      ttsCallout: { cli: CLI, destination: { type: 'number', endpoint: member.mobile }, locale: 'en-US', text: `Ready at ${store}.` },
    },
  });
}

// Not sending: a dry run only prices the batch.
export async function estimateParts(member: Member, text: string): Promise<number | undefined> {
  const result = await sinch.sms.batches.dryRun({ // safe: dry run sends nothing
    dryRunRequestBody: { to: [member.mobile], from: SENDER, body: text },
  });
  return result.number_of_messages;
}

export async function deliveryReport(batchId: string): Promise<unknown> {
  return sinch.sms.deliveryReports.get({ batch_id: batchId }); // safe: reads a report
}
