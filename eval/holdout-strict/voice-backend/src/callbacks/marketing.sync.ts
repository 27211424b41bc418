import { Injectable } from '@nestjs/common';
import axios from 'axios';
import { PseudonymService } from '../common/pseudonym.service';
import type { CallerProfile } from '../common/types';

const BRAZE_URL = process.env.BRAZE_REST_URL ?? 'https://rest.fra-02.braze.eu';

/**
 * After a resolved call, marketing wants the customer in Braze so the NPS
 * survey canvas can pick them up.
 */
@Injectable()
export class MarketingSync {
  private readonly braze = axios.create({
    baseURL: BRAZE_URL,
    headers: { Authorization: `Bearer ${process.env.BRAZE_API_KEY ?? ''}` },
    timeout: 3000,
  });

  constructor(private readonly pseudonyms: PseudonymService) {}

  async enrolForNps(caller: CallerProfile, callSid: string): Promise<void> {
    await this.braze.post('/users/track', { attributes: [{ external_id: caller.customerId, phone: caller.phone, email: caller.email, nps_eligible: true }] }); // expect: no-pii-to-third-party
    await this.braze.post('/users/track', { events: [{ external_id: caller.customerId, name: 'support_call_resolved', time: new Date().toISOString(), properties: { callSid, segment: caller.segment } }] }); // safe: no-pii-to-third-party — customer id, SID, segment
  }

  async markVipAudience(caller: CallerProfile): Promise<void> {
    await this.braze.post('/users/track', { attributes: [{ external_id: caller.customerId, caller_ref: this.pseudonyms.forPhone(caller.phone), vip: caller.vip }] }); // safe: no-pii-to-third-party — keyed pseudonym instead of the number
  }
}
