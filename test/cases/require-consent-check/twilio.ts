// Preview dialer, callback worker and SMS reminders on the Twilio Node SDK.
import twilio, { Twilio } from 'twilio';
import { consentRegistry, type SuppressionList } from '@acme/compliance';

interface Lead {
  id: string;
  phone: string;
  campaignId: string;
}

interface Appointment {
  id: string;
  patientMobile: string;
  startsAt: Date;
}

const CALLER_ID = process.env.TWILIO_CALLER_ID ?? '';
const TWIML_URL = 'https://dialer.acme-contact.com/twiml/outbound';
const STATUS_URL = 'https://dialer.acme-contact.com/twilio/status';

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

// Preview dialer: the agent accepted the lead, the worker dials at once.
export async function callNextLead(lead: Lead): Promise<string> {
  const call = await client.calls.create({ // $ Alert[require-consent-check]
    to: lead.phone,
    from: CALLER_ID,
    url: TWIML_URL,
    statusCallback: STATUS_URL,
    statusCallbackEvent: ['initiated', 'answered', 'completed'],
    machineDetection: 'DetectMessageEnd',
  });
  return call.sid;
}

export async function callNextLeadChecked(lead: Lead): Promise<string | undefined> {
  if (!(await consentRegistry.hasConsent(lead.phone))) return undefined;
  const call = await client.calls.create({ to: lead.phone, from: CALLER_ID, url: TWIML_URL }); // safe: early return on consent
  return call.sid;
}

export async function sendAppointmentReminder(appt: Appointment): Promise<void> {
  const tw = new Twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
  await tw.messages.create({ // $ Alert[require-consent-check]
    to: appt.patientMobile,
    from: CALLER_ID,
    body: `Reminder: your appointment ${appt.id} is at ${appt.startsAt.toISOString()}. Reply STOP to opt out.`,
  });
}

// Client as a class field.
export class CallbackWorker {
  private readonly client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

  async run(job: { leadId: string; phone: string }): Promise<string> {
    const call = await this.client.calls.create({ // $ Alert[require-consent-check]
      to: job.phone,
      from: CALLER_ID,
      url: `${TWIML_URL}?lead=${job.leadId}`,
    });
    return call.sid;
  }

  async runChecked(job: { leadId: string; phone: string }): Promise<string | undefined> {
    if (await consentRegistry.isDoNotCall(job.phone)) return undefined;
    const call = await this.client.calls.create({ to: job.phone, from: CALLER_ID, url: TWIML_URL }); // safe: DNC early return
    return call.sid;
  }
}

// Client as a constructor parameter.
export class SmsCampaignSender {
  constructor(
    private readonly sms: Twilio,
    private readonly suppression: SuppressionList,
  ) {}

  async send(recipient: { id: string; mobile: string }, text: string): Promise<void> {
    if (await this.suppression.contains(recipient.mobile)) return;
    await this.sms.messages.create({ to: recipient.mobile, from: CALLER_ID, body: text }); // safe: suppression list checked
  }

  async sendUnchecked(recipient: { id: string; mobile: string }, text: string): Promise<void> {
    await this.sms.messages.create({ to: recipient.mobile, from: CALLER_ID, body: text }); // $ Alert[require-consent-check]
  }
}

// Not dialling: live-call control, listings, lookups.
export async function hangUp(callSid: string): Promise<void> {
  await client.calls(callSid).update({ status: 'completed' }); // safe: updates an existing call
}

export async function activeCalls(): Promise<number> {
  const calls = await client.calls.list({ status: 'in-progress', limit: 50 }); // safe: listing
  return calls.length;
}

export async function deliveryStatus(messageSid: string): Promise<string> {
  const message = await client.messages(messageSid).fetch(); // safe: reads a sent message
  return message.status;
}

export async function lineType(lead: Lead): Promise<string | undefined> {
  const info = await client.lookups.v2.phoneNumbers(lead.phone).fetch({ fields: 'line_type_intelligence' }); // safe: lookup, not a call
  return info.lineTypeIntelligence?.type;
}

// One-time passcode the user asked for on the login page: Verify is not a dialler row.
export async function startLoginVerification(phone: string): Promise<string> {
  const verification = await client.verify.v2
    .services(process.env.TWILIO_VERIFY_SID ?? '')
    .verifications.create({ to: phone, channel: 'sms' }); // safe: user-initiated verification
  return verification.sid;
}
