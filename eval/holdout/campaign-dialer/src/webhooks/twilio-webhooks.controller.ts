import {
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  Header,
  HttpCode,
  Injectable,
  Logger,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Request } from 'express';
import { validateRequest } from 'twilio';
import { Repository } from 'typeorm';
import { CallAttempt, type CallStatus } from '../calls/call-attempt.entity';
import { ConsentService } from '../consent/consent.service';
import { SmsReminderService } from '../reminders/notifications';
import { maskPhone } from '../common/pii';
import type { RetryJobData } from '../campaigns/dialer.processor';

@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  constructor(private readonly config: ConfigService) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request>();
    const signature = req.header('X-Twilio-Signature') ?? '';
    const url = `${this.config.getOrThrow<string>('twilio.publicBaseUrl')}${req.originalUrl}`;
    return validateRequest(this.config.getOrThrow<string>('twilio.authToken'), signature, url, req.body ?? {});
  }
}

interface StatusCallbackBody {
  CallSid: string;
  CallStatus: CallStatus;
  To: string;
  From: string;
  AnsweredBy?: string;
  CallDuration?: string;
}

interface RecordingCallbackBody {
  CallSid: string;
  RecordingSid: string;
  RecordingUrl: string;
  RecordingStatus: 'in-progress' | 'completed' | 'absent' | 'failed';
  RecordingDuration?: string;
}

interface InboundSmsBody {
  MessageSid: string;
  From: string;
  To: string;
  Body: string;
}

const OPT_OUT_KEYWORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);

@Controller('webhooks/twilio')
@UseGuards(TwilioSignatureGuard)
export class TwilioWebhooksController {
  private readonly logger = new Logger(TwilioWebhooksController.name);

  constructor(
    @InjectRepository(CallAttempt) private readonly attempts: Repository<CallAttempt>,
    @InjectQueue('dial-retry') private readonly retryQueue: Queue<RetryJobData>,
    private readonly reminders: SmsReminderService,
    private readonly consent: ConsentService,
  ) {}

  @Post('status')
  @HttpCode(204)
  async status(@Query('attempt') attemptId: string, @Body() body: StatusCallbackBody): Promise<void> {
    const { CallSid, CallStatus, To, AnsweredBy } = body;
    this.logger.log(`status ${CallStatus} for ${CallSid} to ${To}`); // expect: no-pii-in-logs

    await this.attempts.update(attemptId, {
      callSid: CallSid,
      status: CallStatus,
      answeredBy: AnsweredBy ?? null,
      durationSec: Number(body.CallDuration ?? 0),
    });

    if (CallStatus === 'no-answer' || CallStatus === 'busy') {
      const attempt = await this.attempts.findOneByOrFail({ id: attemptId });
      await this.retryQueue.add('retry', { attemptId, reason: CallStatus }, { delay: 15 * 60_000 });
      await this.reminders.sendNoAnswerFollowUp(attempt);
    }
  }

  @Post('recording')
  @HttpCode(204)
  async recording(@Query('attempt') attemptId: string, @Body() body: RecordingCallbackBody): Promise<void> {
    if (body.RecordingStatus !== 'completed') return;
    await this.attempts.update(attemptId, {
      recordingSid: body.RecordingSid,
      recordingUrl: `${body.RecordingUrl}.mp3`,
    });
    this.logger.log(`recording ${body.RecordingSid} (${body.RecordingDuration}s) saved for attempt ${attemptId}`); // safe: no-pii-in-logs — recording SID and duration
  }

  @Post('sms')
  @Header('Content-Type', 'text/xml')
  async inboundSms(@Body() body: InboundSmsBody): Promise<string> {
    const keyword = body.Body.trim().toUpperCase();
    if (OPT_OUT_KEYWORDS.has(keyword)) {
      await this.consent.addToDnc(body.From, 'customer_request');
      this.logger.log(`opt-out keyword ${keyword} from ${maskPhone(body.From)}`); // safe: no-pii-in-logs — masked with maskPhone
    }
    // Twilio Advanced Opt-Out sends the STOP confirmation itself; nothing to reply here
    return '<Response></Response>';
  }
}
