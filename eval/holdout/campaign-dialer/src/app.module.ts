import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { BullModule } from '@nestjs/bullmq';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { databaseConfig, queueConfig, reportingDbConfig, twilioConfig } from './config/configuration';
import { Contact } from './contacts/contact.entity';
import { ContactsService } from './contacts/contacts.service';
import { DncEntry } from './consent/dnc-entry.entity';
import { ConsentService } from './consent/consent.service';
import { CallAttempt } from './calls/call-attempt.entity';
import { CampaignsService } from './campaigns/campaigns.service';
import { CampaignsController } from './campaigns/campaigns.controller';
import { DialerProcessor, RetryProcessor } from './campaigns/dialer.processor';
import { TwilioService, twilioClientProvider } from './telephony/twilio.service';
import { SmsReminderService, VoiceNoticeService } from './reminders/notifications';
import { TwilioSignatureGuard, TwilioWebhooksController } from './webhooks/twilio-webhooks.controller';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      load: [databaseConfig, reportingDbConfig, queueConfig, twilioConfig],
    }),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (cfg: ConfigService) => cfg.getOrThrow<TypeOrmModuleOptions>('database'),
    }),
    TypeOrmModule.forRootAsync({
      name: 'reporting',
      inject: [ConfigService],
      useFactory: (cfg: ConfigService) => cfg.getOrThrow<TypeOrmModuleOptions>('reportingDb'),
    }),
    TypeOrmModule.forFeature([Contact, DncEntry, CallAttempt]),
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (cfg: ConfigService) => cfg.getOrThrow('queue'),
    }),
    BullModule.registerQueue({ name: 'dial' }, { name: 'dial-retry' }),
    ScheduleModule.forRoot(),
  ],
  controllers: [CampaignsController, TwilioWebhooksController],
  providers: [
    twilioClientProvider,
    TwilioService,
    TwilioSignatureGuard,
    ContactsService,
    ConsentService,
    CampaignsService,
    DialerProcessor,
    RetryProcessor,
    SmsReminderService,
    VoiceNoticeService,
  ],
})
export class AppModule {}
