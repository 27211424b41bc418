import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import twilio, { Twilio } from 'twilio';
import * as Sentry from '@sentry/node';
import { PseudonymService } from '../common/pseudonym.service';
import { maskPhone } from '../common/mask';
import type { CallbackTicket, E164 } from '../common/types';

/**
 * Lines that must never get an automated callback (the chair's office and the
 * press office). Requested by Legal in 2023.
 */
const NEVER_AUTO_CALL = new Set<string>([
  '+13129093139', // expect: no-hardcoded-pii
  '+17138416575', // expect: no-hardcoded-pii
  '+12025550111', // safe: no-hardcoded-pii — NANP 555-0111 fictional, left in from the test suite
]);

export class CallbackRefused extends Error {}

@Injectable()
export class CallbacksService {
  private readonly logger = new Logger(CallbacksService.name);
  private readonly client: Twilio;
  private readonly base: string;
  private readonly callerId: string;

  constructor(config: ConfigService, private readonly pseudonyms: PseudonymService) {
    this.client = twilio(config.getOrThrow<string>('telephony.accountSid'), config.getOrThrow<string>('telephony.authToken'));
    this.base = config.getOrThrow<string>('telephony.publicBaseUrl');
    this.callerId = config.getOrThrow<string>('telephony.callerId');
  }

  private async assertCallable(phone: E164): Promise<void> {
    if (NEVER_AUTO_CALL.has(phone)) throw new CallbackRefused('number is on the never-call list');
    const res = await fetch(`${process.env.CONSENT_API_URL}/v1/checks`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone, purpose: 'service_callback' }) }); // safe: no-pii-in-url — number in the POST body
    const { allowed } = (await res.json()) as { allowed: boolean };
    if (!allowed) throw new CallbackRefused('consent check refused');
  }

  async place(ticket: CallbackTicket): Promise<string | null> {
    try {
      await this.assertCallable(ticket.phone);
    } catch (err) {
      if (err instanceof CallbackRefused) {
        this.logger.warn(`callback ${ticket.id} refused: ${err.message}`);
        return null;
      }
      throw err;
    }

    const call = await this.client.calls.create({
      to: ticket.phone,
      from: this.callerId,
      url: `${this.base}/twilio/voice/callback-connect?ticket=${ticket.id}`, // safe: no-pii-in-url — ticket id
      statusCallback: `${this.base}/twilio/status/callback?ticket=${ticket.id}&number=${encodeURIComponent(ticket.phone)}`, // expect: no-pii-in-url
      statusCallbackEvent: ['initiated', 'answered', 'completed'],
      machineDetection: 'Enable',
    });
    Sentry.setTag('callback_ticket', ticket.id); // safe: no-pii-to-third-party — ticket id
    Sentry.setExtra('callback_target', maskPhone(ticket.phone)); // safe: no-pii-to-third-party — masked number
    return call.sid;
  }

  async recordOutcome(ticketId: string, callSid: string, status: string): Promise<void> {
    const res = await fetch(`${process.env.WFM_API_URL}/v1/callbacks/${ticketId}/outcome`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ callSid, status }) }); // safe: no-pii-in-url — ticket id
    if (!res.ok) Sentry.captureMessage('callback outcome not recorded', { level: 'warning', extra: { ticketId, callSid, status } }); // safe: no-pii-to-third-party — ids and status
  }

  callerRef(phone: E164): string {
    return this.pseudonyms.forPhone(phone);
  }
}
