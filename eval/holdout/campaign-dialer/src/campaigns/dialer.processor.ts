import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectRepository } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { Repository } from 'typeorm';
import { CallAttempt } from '../calls/call-attempt.entity';
import { ContactsService } from '../contacts/contacts.service';
import { ConsentService, DoNotCallError } from '../consent/consent.service';
import { TwilioService } from '../telephony/twilio.service';
import { maskPhone, toE164 } from '../common/pii';

export interface DialJobData {
  contactId: string;
  campaignId: string;
  attemptNo: number;
}

export interface RetryJobData {
  attemptId: string;
  reason: 'no-answer' | 'busy' | 'failed';
}

const MAX_ATTEMPTS = 3;

@Processor('dial', { concurrency: 10, limiter: { max: 30, duration: 1_000 } })
export class DialerProcessor extends WorkerHost {
  private readonly logger = new Logger(DialerProcessor.name);

  constructor(
    private readonly contacts: ContactsService,
    private readonly consent: ConsentService,
    private readonly twilio: TwilioService,
    @InjectRepository(CallAttempt) private readonly attempts: Repository<CallAttempt>,
  ) {
    super();
  }

  async process(job: Job<DialJobData>): Promise<void> {
    const { contactId, campaignId, attemptNo } = job.data;
    const contact = await this.contacts.getById(contactId);
    const to = toE164(contact.phone);

    // consent can be revoked between enqueue and dial, so always re-check here
    try {
      await this.consent.assertDialable(to);
    } catch (err) {
      if (err instanceof DoNotCallError) {
        this.logger.log(`skipping contact ${contactId} in campaign ${campaignId}: ${err.reason}`); // safe: no-pii-in-logs — ids and reason
        return;
      }
      throw err;
    }

    const attempt = await this.attempts.save(
      this.attempts.create({ contactId, campaignId, dialedNumber: to, attemptNo, status: 'queued' }),
    );
    const call = await this.twilio.placeCampaignCall(to, campaignId, attempt.id);
    await this.attempts.update(attempt.id, { callSid: call.sid, status: 'initiated' });
    this.logger.log(`dialled ${maskPhone(to)} for campaign ${campaignId} (attempt ${attemptNo})`); // safe: no-pii-in-logs — masked with maskPhone
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<DialJobData>, err: Error): void {
    const code = (err as Error & { code?: number }).code;
    this.logger.error(`dial job ${job.id} failed: ${err.name}${code ? ` (Twilio ${code})` : ''}`, JSON.stringify(job.data)); // safe: no-pii-in-logs — job data holds ids only; Twilio messages (which can echo the number) are not logged
  }
}

@Processor('dial-retry', { concurrency: 2 })
export class RetryProcessor extends WorkerHost {
  private readonly logger = new Logger(RetryProcessor.name);

  constructor(
    private readonly twilio: TwilioService,
    @InjectRepository(CallAttempt) private readonly attempts: Repository<CallAttempt>,
  ) {
    super();
  }

  async process(job: Job<RetryJobData>): Promise<void> {
    const previous = await this.attempts.findOneByOrFail({ id: job.data.attemptId });
    if (previous.status === 'completed' || previous.attemptNo >= MAX_ATTEMPTS) return;

    this.logger.debug(`retrying ${previous.callSid} after ${job.data.reason}`); // safe: no-pii-in-logs — call SID
    const call = await this.twilio.redial(previous);
    await this.attempts.save(
      this.attempts.create({
        contactId: previous.contactId,
        campaignId: previous.campaignId,
        dialedNumber: previous.dialedNumber,
        attemptNo: previous.attemptNo + 1,
        callSid: call.sid,
        status: 'initiated',
      }),
    );
  }
}
