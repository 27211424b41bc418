import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import objectHash from 'object-hash';
import { sha256 } from 'js-sha256';
import md5 from 'md5';

export interface Lead {
  phone: string;
  campaignId: string;
  source: 'web' | 'partner' | 'ivr';
}

export interface SmsTemplateRef {
  campaignId: string;
  templateId: string;
  locale: string;
}

@Injectable()
export class DedupService {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  /** The same number ringing the same DID within ten minutes counts as a repeat call. */
  async isRepeatCaller(from: string, to: string): Promise<boolean> {
    const key = `repeat:${createHash('md5').update(`${from}|${to}`).digest('hex')}`; // expect: no-reversible-pii-hash
    const first = await this.redis.set(key, '1', 'EX', 600, 'NX');
    return first === null;
  }

  /** Partner lead feeds resend the same lead; key on number + campaign. */
  leadKey(lead: Lead): string {
    return objectHash({ phone: lead.phone, campaignId: lead.campaignId }, { algorithm: 'sha1' }); // expect: no-reversible-pii-hash
  }

  /** Flags a second account application with the same passport and date of birth. */
  duplicateApplicationKey(passportNumber: string, dateOfBirth: string): string {
    return md5(`${passportNumber.replace(/\s/g, '').toUpperCase()}|${dateOfBirth}`); // expect: no-reversible-pii-hash
  }

  templateKey(ref: SmsTemplateRef): string {
    return objectHash(ref, { algorithm: 'sha1' }); // safe: no-reversible-pii-hash — campaign/template/locale ids only
  }

  /** A/B bucket for the new IVR greeting, sticky per caller. */
  greetingBucket(callerId: string): 'A' | 'B' {
    return parseInt(sha256(callerId).slice(0, 8), 16) % 2 === 0 ? 'A' : 'B'; // expect: no-reversible-pii-hash
  }

  smsIdempotencyKey(messageSid: string): string {
    return sha256(`sms:${messageSid}`); // safe: no-reversible-pii-hash — message SID
  }

  summaryCacheKey(callSid: string, promptVersion: number): string {
    return `summary:${md5(`${callSid}:${promptVersion}`)}`; // safe: no-reversible-pii-hash — call SID and a version number
  }

  async once(key: string, ttlSec: number): Promise<boolean> {
    return (await this.redis.set(`once:${key}`, '1', 'EX', ttlSec, 'NX')) === 'OK';
  }
}
