import 'server-only';
import { Auth } from '@vonage/auth';
import { SMS } from '@vonage/messages';
import { Vonage } from '@vonage/server-sdk';
import { getConfig } from './config';
import { logger } from './logger';
import { maskPhone } from './mask';

let client: Vonage | null = null;

export function vonageClient(): Vonage {
  if (client) return client;
  const { vonage } = getConfig();
  client = new Vonage(
    new Auth({
      applicationId: vonage.applicationId,
      privateKey: vonage.privateKey,
    }),
  );
  return client;
}

export interface SmsResult {
  messageUuid: string;
}

/**
 * Transactional SMS (confirmations, heads-up before a callback).
 * Callers clear the number against the opt-out list before calling this.
 */
export async function sendTransactionalSms(to: string, text: string, smsTemplateId: string): Promise<SmsResult> {
  const { vonage } = getConfig();
  const { messageUUID } = await vonageClient().messages.send(new SMS({ to, from: vonage.fromNumber, text })); // safe: require-consent-check — every caller checks the opt-out list first
  logger.info('sms submitted', { messageUuid: messageUUID, to: maskPhone(to), smsTemplateId }); // safe: no-pii-in-logs — masked number
  return { messageUuid: messageUUID };
}

/** Places the customer leg of a scheduled callback. Agents are bridged in by the answer NCCO. */
export async function placeCallbackCall(to: string, ticketId: string): Promise<string> {
  const { vonage } = getConfig();
  const result = await vonageClient().voice.createOutboundCall({ // safe: require-consent-check — both callers check isOptedOut before dialling
    to: [{ type: 'phone', number: to }],
    from: { type: 'phone', number: vonage.fromNumber },
    answer_url: [`${vonage.answerUrl}?ticket=${encodeURIComponent(ticketId)}`],
    event_url: [vonage.eventUrl],
    ringing_timer: 45,
  });
  return result.uuid;
}
