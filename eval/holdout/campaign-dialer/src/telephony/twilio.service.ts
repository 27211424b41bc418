import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import twilio, { type Twilio } from 'twilio';
import type { CallAttempt } from '../calls/call-attempt.entity';
import type { E164 } from '../common/pii';

export const TWILIO_CLIENT = Symbol('TWILIO_CLIENT');

export const twilioClientProvider = {
  provide: TWILIO_CLIENT,
  inject: [ConfigService],
  useFactory: (config: ConfigService): Twilio =>
    twilio(config.getOrThrow<string>('twilio.accountSid'), config.getOrThrow<string>('twilio.authToken'), {
      autoRetry: true,
      maxRetries: 3,
    }),
};

export interface PlacedCall {
  sid: string;
  status: string;
}

@Injectable()
export class TwilioService {
  private readonly logger = new Logger(TwilioService.name);
  private readonly client: Twilio;

  constructor(private readonly config: ConfigService) {
    this.client = twilioClientProvider.useFactory(config);
  }

  private get baseUrl(): string {
    return this.config.getOrThrow<string>('twilio.publicBaseUrl');
  }

  private get callerId(): string {
    return this.config.getOrThrow<string>('twilio.callerId');
  }

  /**
   * Consent is the caller's job: DialerProcessor asserts it and the "call now"
   * endpoint checks it before getting here.
   */
  async placeCampaignCall(to: E164, campaignId: string, attemptId: string): Promise<PlacedCall> {
    const call = await this.client.calls.create({ // safe: require-consent-check — every caller checks consent on `to` first
      to,
      from: this.callerId,
      url: `${this.baseUrl}/twiml/campaign/${campaignId}`,
      statusCallback: `${this.baseUrl}/webhooks/twilio/status?attempt=${attemptId}`,
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      statusCallbackMethod: 'POST',
      machineDetection: 'DetectMessageEnd',
      record: true,
      recordingStatusCallback: `${this.baseUrl}/webhooks/twilio/recording?attempt=${attemptId}`,
      timeout: 25,
    });
    this.logger.log(`call ${call.sid} created for attempt ${attemptId}`); // safe: no-pii-in-logs — SIDs and ids only
    return { sid: call.sid, status: call.status };
  }

  /** Same number again after busy / no-answer. */
  async redial(previous: CallAttempt): Promise<PlacedCall> {
    const call = await this.client.calls.create({ // expect: require-consent-check
      to: previous.dialedNumber,
      from: this.callerId,
      url: `${this.baseUrl}/twiml/campaign/${previous.campaignId}`,
      statusCallback: this.config.getOrThrow<string>('twilio.legacyStatusUrl'),
      machineDetection: 'Enable',
      timeout: 25,
    });
    return { sid: call.sid, status: call.status };
  }

  async hangup(callSid: string): Promise<void> {
    await this.client.calls(callSid).update({ status: 'completed' });
    this.logger.log(`hung up ${callSid}`); // safe: no-pii-in-logs — call SID
  }
}
