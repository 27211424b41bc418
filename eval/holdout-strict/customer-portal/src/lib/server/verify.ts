import 'server-only';
import type { E164 } from '../types';

const VERIFY_SERVICE_SID = process.env.TWILIO_VERIFY_SERVICE_SID ?? '';
const AUTH = Buffer.from(`${process.env.TWILIO_ACCOUNT_SID}:${process.env.TWILIO_AUTH_TOKEN}`).toString('base64');

export interface Verification {
  sid: string;
  status: 'pending' | 'approved' | 'canceled';
}

/** Starts an SMS one-time-code check through Twilio Verify's REST API. */
export async function startVerification(phone: E164): Promise<Verification> {
  const form = new URLSearchParams({ To: phone, Channel: 'sms' }); // safe: no-pii-in-url — form-encoded POST body (Twilio REST), not a query string
  const res = await fetch(`https://verify.twilio.com/v2/Services/${VERIFY_SERVICE_SID}/Verifications`, {
    method: 'POST',
    headers: { Authorization: `Basic ${AUTH}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  if (!res.ok) throw new Error(`Verify start failed with ${res.status}`);
  return (await res.json()) as Verification;
}

export async function checkVerification(verificationSid: string, code: string): Promise<boolean> {
  const form = new URLSearchParams({ VerificationSid: verificationSid, Code: code });
  const res = await fetch(`https://verify.twilio.com/v2/Services/${VERIFY_SERVICE_SID}/VerificationCheck`, {
    method: 'POST',
    headers: { Authorization: `Basic ${AUTH}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  if (!res.ok) return false;
  return ((await res.json()) as Verification).status === 'approved';
}
