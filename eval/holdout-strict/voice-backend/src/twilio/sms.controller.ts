import { Body, Controller, Header, Post, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import axios, { AxiosInstance } from 'axios';
import tracer from 'dd-trace';
import * as Sentry from '@sentry/node';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import type { TwilioSmsWebhook } from '../common/types';

interface ZendeskUser {
  id: number;
  name: string;
}

/** Inbound SMS becomes a Zendesk ticket on the requester who owns the number. */
@Controller('twilio/sms')
@UseGuards(TwilioSignatureGuard)
export class SmsController {
  private readonly zendesk: AxiosInstance;

  constructor(config: ConfigService) {
    this.zendesk = axios.create({
      baseURL: `https://${config.getOrThrow<string>('ZENDESK_SUBDOMAIN')}.zendesk.com`,
      auth: { username: `${config.getOrThrow<string>('ZENDESK_EMAIL')}/token`, password: config.getOrThrow<string>('ZENDESK_TOKEN') },
      timeout: 5000,
    });
  }

  @Post('inbound')
  @Header('Content-Type', 'text/xml')
  async inbound(@Body() sms: TwilioSmsWebhook): Promise<string> {
    const { From, Body: text, MessageSid } = sms;
    tracer.scope().active()?.setTag('sms.sid', MessageSid); // safe: no-pii-to-third-party — message SID

    try {
      const { data } = await this.zendesk.get<{ results: ZendeskUser[] }>('/api/v2/search.json', { params: { query: `type:user phone:${From}` } }); // expect: no-pii-in-url
      const requester = data.results[0];
      await this.zendesk.post('/api/v2/tickets.json', { ticket: { subject: 'SMS from customer', comment: { body: text }, requester_id: requester?.id, external_id: MessageSid, tags: ['sms'] } }); // safe: no-pii-in-url — fixed path; content in the body
    } catch (err) {
      Sentry.captureException(err, { tags: { message_sid: MessageSid }, extra: { bodyLength: text.length } }); // safe: no-pii-to-third-party — SID and a length
    }
    return '<Response><Message>Thanks, we have your message and will reply soon.</Message></Response>';
  }
}
