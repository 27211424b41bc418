import { Body, Controller, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import Bugsnag from '@bugsnag/js';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { RecordingsService } from '../recordings/recordings.service';
import { CallbacksService } from '../callbacks/callbacks.service';
import { statsd } from '../common/observability';
import type { TwilioStatusCallback } from '../common/types';

const FAILED = new Set(['busy', 'failed', 'no-answer', 'canceled']);

@Controller('twilio/status')
@UseGuards(TwilioSignatureGuard)
export class StatusController {
  constructor(
    private readonly recordings: RecordingsService,
    private readonly callbacks: CallbacksService,
  ) {}

  @Post()
  @HttpCode(204)
  async status(@Body() body: TwilioStatusCallback): Promise<void> {
    const { CallSid, CallStatus, CallDuration, From } = body;
    statsd.timing('call.duration', Number(CallDuration ?? 0) * 1000, { status: CallStatus }); // safe: no-pii-to-third-party — duration and status
    Bugsnag.leaveBreadcrumb('twilio.status', { callSid: CallSid, status: CallStatus }); // safe: no-pii-to-third-party — SID and status

    if (FAILED.has(CallStatus)) {
      Bugsnag.notify(new Error(`Outbound call ended as ${CallStatus}`), (event) => {
        event.addMetadata('call', { callSid: CallSid, from: From, direction: body.Direction }); // expect: no-pii-to-third-party
      });
    }

    if (CallStatus === 'completed' && body.RecordingSid) {
      await this.recordings.ingest(CallSid, body.RecordingSid);
    }
  }

  @Post('callback')
  @HttpCode(204)
  async callbackStatus(@Body() body: TwilioStatusCallback, @Query('ticket') ticketId: string): Promise<void> {
    await this.callbacks.recordOutcome(ticketId, body.CallSid, body.CallStatus);
  }
}
