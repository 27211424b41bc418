import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import axios, { AxiosInstance } from 'axios';
import type { CallerProfile, E164 } from '../common/types';

export interface CallActivity {
  callSid: string;
  direction: 'inbound' | 'outbound';
  durationSec: number;
  agentId?: string;
  disposition?: string;
}

@Injectable()
export class CrmClient {
  private readonly http: AxiosInstance;

  constructor(config: ConfigService) {
    this.http = axios.create({
      baseURL: config.getOrThrow<string>('CRM_BASE_URL'),
      timeout: 4000,
      headers: { Authorization: `Bearer ${config.getOrThrow<string>('CRM_API_TOKEN')}` },
    });
  }

  /** v2 lookup used on the hot path of the IVR (the v3 search is too slow there). */
  async findByPhone(phone: E164): Promise<CallerProfile | null> {
    const { data } = await this.http.get<{ results: CallerProfile[] }>(`/v2/contacts/search?phone=${encodeURIComponent(phone)}`); // expect: no-pii-in-url
    return data.results[0] ?? null;
  }

  async findByEmail(email: string): Promise<CallerProfile | null> {
    const { data } = await this.http.get<{ results: CallerProfile[] }>('/v2/contacts/search', { params: { email, limit: 1 } }); // expect: no-pii-in-url
    return data.results[0] ?? null;
  }

  /** v3 search takes its filters in the body. */
  async searchByPhone(phone: E164): Promise<CallerProfile[]> {
    const { data } = await this.http.post<{ results: CallerProfile[] }>('/v3/contacts/search', { filters: [{ field: 'phone', op: 'eq', value: phone }], limit: 5 }); // safe: no-pii-in-url — filter in the POST body
    return data.results;
  }

  /** The reverse-lookup gateway wants the number in a header so it stays out of access logs. */
  async reverseLookup(phone: E164): Promise<{ carrier: string; lineType: string } | null> {
    const res = await this.http.get('/v2/reverse-lookup', { headers: { 'X-Lookup-Number': phone }, validateStatus: (s) => s < 500 }); // safe: no-pii-in-url — number sent in a header
    return res.status === 200 ? res.data : null;
  }

  async getContact(crmId: string): Promise<CallerProfile> {
    const { data } = await this.http.get<CallerProfile>(`/v3/contacts/${crmId}`); // safe: no-pii-in-url — CRM id in the path
    return data;
  }

  async logCall(crmId: string, activity: CallActivity): Promise<void> {
    await this.http.post(`/v3/contacts/${crmId}/activities`, { type: 'call', ...activity }); // safe: no-pii-in-url — CRM id in the path, activity in the body
  }
}
