import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/**
 * Checks X-Twilio-Signature: HMAC-SHA1, keyed with the auth token, over the
 * full URL followed by the sorted POST parameters.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly authToken: string;
  private readonly baseUrl: string;

  constructor(config: ConfigService) {
    this.authToken = config.getOrThrow<string>('telephony.authToken');
    this.baseUrl = config.getOrThrow<string>('telephony.publicBaseUrl');
  }

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request>();
    const signature = req.header('x-twilio-signature');
    if (!signature) return false;

    const params = (req.body ?? {}) as Record<string, string>;
    const payload = Object.keys(params)
      .sort()
      .reduce((acc, key) => acc + key + params[key], `${this.baseUrl}${req.originalUrl}`);
    const expected = createHmac('sha1', this.authToken).update(Buffer.from(payload, 'utf-8')).digest(); // safe: no-reversible-pii-hash — keyed HMAC (auth token) over the webhook fields, which include From/To
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
