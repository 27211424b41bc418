import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { RedisModule } from '@nestjs-modules/ioredis';
import telephonyConfig from './config/telephony.config';
import { PseudonymService } from './common/pseudonym.service';
import { VoiceController } from './twilio/voice.controller';
import { StatusController } from './twilio/status.controller';
import { SmsController } from './twilio/sms.controller';
import { TwilioSignatureGuard } from './twilio/twilio-signature.guard';
import { CrmClient } from './crm/crm.client';
import { CoreBankingClient } from './crm/core-banking.client';
import { SummaryService } from './summary/summary.service';
import { IdentityService } from './identity/identity.service';
import { DedupService } from './dedup/dedup.service';
import { RecordingsService } from './recordings/recordings.service';
import { CallbacksService } from './callbacks/callbacks.service';
import { MarketingSync } from './callbacks/marketing.sync';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: [telephonyConfig] }),
    RedisModule.forRoot({ type: 'single', url: process.env.REDIS_URL ?? 'rediss://cache.internal:6380' }),
  ],
  controllers: [VoiceController, StatusController, SmsController],
  providers: [
    PseudonymService,
    TwilioSignatureGuard,
    CrmClient,
    CoreBankingClient,
    SummaryService,
    IdentityService,
    DedupService,
    RecordingsService,
    CallbacksService,
    MarketingSync,
  ],
})
export class AppModule {}
