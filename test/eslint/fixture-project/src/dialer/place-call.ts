// The one place that dials: every caller checks consent first (see campaign.ts).
import twilio from 'twilio';

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const TWIML_URL = 'https://dialer.acme-contact.com/twiml/outbound';

export async function placeCall(phone: string): Promise<string> {
  const call = await client.calls.create({ to: phone, from: '+15555550100', url: TWIML_URL }); // safe: every caller checks consent
  return call.sid;
}
