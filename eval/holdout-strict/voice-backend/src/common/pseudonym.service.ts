import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, createHmac } from 'node:crypto';
import type { E164 } from './types';

@Injectable()
export class PseudonymService {
  private readonly key: Buffer;

  constructor(config: ConfigService) {
    this.key = Buffer.from(config.getOrThrow<string>('PSEUDONYM_KEY'), 'base64');
  }

  /** The caller reference used in analytics, exports and error reports. */
  forPhone(phone: E164): string {
    return createHmac('sha256', this.key).update(phone).digest('hex'); // safe: no-reversible-pii-hash — keyed HMAC, key from config
  }

  /**
   * The 2022 reporting warehouse is keyed by this. Kept until the backfill to
   * the keyed pseudonym is finished (DATA-412).
   */
  legacyCallerKey(phone: E164): string {
    return createHash('sha256').update(phone).digest('hex'); // expect: no-reversible-pii-hash
  }
}
