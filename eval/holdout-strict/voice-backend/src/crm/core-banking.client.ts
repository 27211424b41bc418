import { Injectable } from '@nestjs/common';
import got, { Got } from 'got';
import type { NationalId } from '../common/types';

export interface Account {
  accountRef: string;
  product: 'current' | 'savings' | 'card';
  status: 'open' | 'frozen' | 'closed';
  balanceMinor: number;
  currency: string;
}

/** Thin client for the core banking gateway, used by agents during ID&V. */
@Injectable()
export class CoreBankingClient {
  private readonly client: Got = got.extend({
    prefixUrl: process.env.CORE_GATEWAY_URL ?? 'https://core-gw.internal.example-bank.com/api',
    headers: { 'x-api-key': process.env.CORE_GATEWAY_KEY ?? '' },
    timeout: { request: 5000 },
    retry: { limit: 2, methods: ['GET'] },
  });

  async accountsByNationalId(nationalId: NationalId): Promise<Account[]> {
    return this.client.get(`customers/by-national-id/${nationalId}/accounts`).json<Account[]>(); // expect: no-pii-in-url
  }

  async accountsByCustomerRef(customerRef: string): Promise<Account[]> {
    return this.client.get('customers/accounts', { searchParams: { ref: customerRef } }).json<Account[]>(); // safe: no-pii-in-url — internal customer reference
  }

  async verifyTaxId(taxId: string, customerRef: string): Promise<boolean> {
    const { match } = await this.client.post('kyc/tax-id/verify', { json: { taxId, customerRef } }).json<{ match: boolean }>(); // safe: no-pii-in-url — tax id in the JSON body
    return match;
  }

  /** Card status for the "is my card blocked?" IVR option; the caller keys in the PAN. */
  async cardStatus(cardNumber: string): Promise<'active' | 'blocked' | 'expired'> {
    const { status } = await this.client.get('cards/status', { searchParams: { pan: cardNumber } }).json<{ status: 'active' | 'blocked' | 'expired' }>(); // expect: no-pii-in-url
    return status;
  }

  async cardStatusByToken(cardToken: string): Promise<'active' | 'blocked' | 'expired'> {
    const { status } = await this.client.get(`cards/${cardToken}/status`).json<{ status: 'active' | 'blocked' | 'expired' }>(); // safe: no-pii-in-url — vault token, not the PAN
    return status;
  }
}
