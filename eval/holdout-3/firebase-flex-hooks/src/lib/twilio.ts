import twilio, { Twilio } from 'twilio';
import * as logger from 'firebase-functions/logger';
import { OUTBOUND_NUMBER, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, urls } from '../config';
import { maskPhone } from './mask';

let client: Twilio | null = null;

export function twilioClient(): Twilio {
  if (!client) {
    client = twilio(TWILIO_ACCOUNT_SID.value(), TWILIO_AUTH_TOKEN.value());
  }
  return client;
}

export interface SentSms {
  sid: string;
  status: string;
}

/**
 * Sends one SMS from the contact-centre number. Consent is the caller's job:
 * every call site checks hasConsent(..., 'sms') first.
 */
export async function sendSms(to: string, body: string, smsTemplateId: string): Promise<SentSms> {
  const msg = await twilioClient().messages.create({ to, from: OUTBOUND_NUMBER, body, statusCallback: `${urls.crmBase}/sms-status` }); // safe: require-consent-check — every caller checks SMS consent first
  logger.info('sms sent', { sid: msg.sid, smsTemplateId, to: maskPhone(to) }); // safe: no-pii-in-logs — masked number
  return { sid: msg.sid, status: msg.status };
}

export function validateTwilioSignature(signature: string | undefined, url: string, params: Record<string, string>): boolean {
  if (!signature) return false;
  return twilio.validateRequest(TWILIO_AUTH_TOKEN.value(), signature, url, params);
}
