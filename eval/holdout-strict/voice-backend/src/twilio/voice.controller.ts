import { Body, Controller, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import tracer from 'dd-trace';
import * as Sentry from '@sentry/node';
import { twiml } from 'twilio';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { CrmClient } from '../crm/crm.client';
import { DedupService } from '../dedup/dedup.service';
import { PseudonymService } from '../common/pseudonym.service';
import { SummaryService } from '../summary/summary.service';
import { statsd } from '../common/observability';
import type { CallerProfile, E164, TwilioVoiceWebhook } from '../common/types';

/** The QA team's handset skips the IVR menu so they can test queues quickly. */
const QA_HANDSET = '+447583860303'; // expect: no-hardcoded-pii

@Controller('twilio/voice')
@UseGuards(TwilioSignatureGuard)
export class VoiceController {
  private readonly base: string;
  private readonly workflowSid: string;

  constructor(
    private readonly crm: CrmClient,
    private readonly dedup: DedupService,
    private readonly pseudonyms: PseudonymService,
    private readonly summaries: SummaryService,
    config: ConfigService,
  ) {
    this.base = config.getOrThrow<string>('telephony.publicBaseUrl');
    this.workflowSid = config.getOrThrow<string>('telephony.workflowSid');
  }

  @Post('incoming')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async incoming(@Body() body: TwilioVoiceWebhook): Promise<string> {
    const { From, To, CallSid } = body;
    const span = tracer.scope().active();
    span?.setTag('call.sid', CallSid); // safe: no-pii-to-third-party — call SID
    span?.setTag('caller.number', From); // expect: no-pii-to-third-party
    statsd.increment('inbound.calls', 1, { country: body.CallerCountry ?? 'unknown', direction: body.Direction }); // safe: no-pii-to-third-party — country code and direction

    if (await this.dedup.isRepeatCaller(From, To)) statsd.increment('inbound.repeat_within_10m');

    let profile: CallerProfile | null = null;
    try {
      profile = await this.crm.findByPhone(From as E164);
    } catch (err) {
      Sentry.captureException(err, { tags: { call_sid: CallSid }, extra: { from: From, did: To } }); // expect: no-pii-to-third-party
    }
    Sentry.setContext('caller', { ref: this.pseudonyms.forPhone(From as E164), vip: profile?.vip ?? false, segment: profile?.segment }); // safe: no-pii-to-third-party — keyed pseudonym, flags

    const response = new twiml.VoiceResponse();
    if (From === QA_HANDSET) {
      response.redirect(`${this.base}/twilio/voice/qa-menu?callSid=${CallSid}`); // safe: no-pii-in-url — call SID only
      return response.toString();
    }

    const queue = profile?.vip ? 'priority' : 'general';
    response.say({ voice: 'Polly.Amy-Neural' }, 'Thanks for calling. Connecting you to the next available agent.');
    response.enqueue({ workflowSid: this.workflowSid, action: `${this.base}/twilio/voice/queue-exit?callSid=${CallSid}` }).task({}, JSON.stringify({ customerId: profile?.customerId, queue })); // safe: no-pii-in-url — call SID in the action URL
    return response.toString();
  }

  /** Agent leg: dial the agent's client and come back here when it ends. */
  @Post('agent-leg')
  @Header('Content-Type', 'text/xml')
  agentLeg(@Body() body: TwilioVoiceWebhook, @Query('agent') agentId: string): string {
    const response = new twiml.VoiceResponse();
    const dial = response.dial({ action: `${this.base}/twilio/voice/dial-complete?caller=${encodeURIComponent(body.From)}&agent=${agentId}`, timeout: 25, record: 'record-from-answer-dual' }); // expect: no-pii-in-url
    dial.client({ statusCallback: `${this.base}/twilio/status/agent-leg?agent=${agentId}`, statusCallbackEvent: ['answered', 'completed'] }, agentId); // safe: no-pii-in-url — agent id only
    return response.toString();
  }

  @Post('dial-complete')
  @Header('Content-Type', 'text/xml')
  dialComplete(@Body() body: TwilioVoiceWebhook & { DialCallStatus: string }): string {
    const response = new twiml.VoiceResponse();
    if (body.DialCallStatus !== 'completed') {
      response.say('Sorry, nobody could take your call. We will call you back shortly.');
      response.redirect(`${this.base}/twilio/voice/voicemail?callSid=${body.CallSid}`); // safe: no-pii-in-url — call SID
    }
    response.hangup();
    return response.toString();
  }

  /** <Gather input="speech"> posts the first utterance here. */
  @Post('intent')
  @Header('Content-Type', 'text/xml')
  async intent(@Body() body: TwilioVoiceWebhook & { SpeechResult?: string }): Promise<string> {
    const intent = await this.summaries.classifyIntent(body.From, body.SpeechResult ?? '');
    statsd.increment('ivr.intent', 1, { intent }); // safe: no-pii-to-third-party — intent label
    const response = new twiml.VoiceResponse();
    response.redirect(`${this.base}/twilio/voice/incoming?intent=${intent}`); // safe: no-pii-in-url — intent label
    return response.toString();
  }
}
