import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ArrayMaxSize, IsArray, IsDateString, IsUUID } from 'class-validator';
import { Repository } from 'typeorm';
import { CampaignsService } from './campaigns.service';
import { ContactsService, type ImportRowDto } from '../contacts/contacts.service';
import { ConsentService } from '../consent/consent.service';
import { TwilioService } from '../telephony/twilio.service';
import { CallAttempt } from '../calls/call-attempt.entity';
import { VoiceNoticeService } from '../reminders/notifications';
import { toE164 } from '../common/pii';

class LaunchCampaignDto {
  @IsArray()
  @ArrayMaxSize(50_000)
  @IsUUID('4', { each: true })
  contactIds!: string[];
}

class RescheduleDto {
  @IsDateString()
  appointmentAt!: string;
}

@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly contacts: ContactsService,
    private readonly consent: ConsentService,
    private readonly twilio: TwilioService,
    private readonly notices: VoiceNoticeService,
    @InjectRepository(CallAttempt) private readonly attempts: Repository<CallAttempt>,
  ) {}

  @Post(':campaignId/launch')
  launch(@Param('campaignId', ParseUUIDPipe) campaignId: string, @Body() dto: LaunchCampaignDto) {
    return this.campaigns.launch(campaignId, dto.contactIds);
  }

  @Get(':campaignId/stats')
  stats(@Param('campaignId', ParseUUIDPipe) campaignId: string) {
    return this.campaigns.stats(campaignId);
  }

  @Post('contacts/import')
  importContacts(@Body() rows: ImportRowDto[]) {
    if (!Array.isArray(rows) || rows.length === 0) {
      throw new BadRequestException('expected a non-empty array of contacts');
    }
    return this.contacts.importBatch(rows);
  }

  /** "Call now" button on the supervisor dashboard. */
  @Post(':campaignId/contacts/:contactId/dial')
  async dialNow(
    @Param('campaignId', ParseUUIDPipe) campaignId: string,
    @Param('contactId', ParseUUIDPipe) contactId: string,
  ) {
    const contact = await this.contacts.getById(contactId);
    const to = toE164(contact.phone);
    if (!(await this.consent.canCall(to))) {
      throw new ForbiddenException('Contact has no voice consent on file or is on a do-not-call list');
    }
    const attempt = await this.attempts.save(
      this.attempts.create({ contactId, campaignId, dialedNumber: to, status: 'queued' }),
    );
    const call = await this.twilio.placeCampaignCall(to, campaignId, attempt.id);
    return { attemptId: attempt.id, callSid: call.sid };
  }

  @Post('contacts/:contactId/reschedule')
  async reschedule(@Param('contactId', ParseUUIDPipe) contactId: string, @Body() dto: RescheduleDto) {
    const appointmentAt = new Date(dto.appointmentAt);
    const contact = await this.contacts.reschedule(contactId, appointmentAt);
    const callSid = await this.notices.confirmReschedule(contact, appointmentAt);
    return { contactId, callSid };
  }
}
