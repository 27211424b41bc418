import ky from 'ky';
import * as Sentry from '@sentry/node';
import { last4 } from '../privacy/mask';

/** PSP sandbox cards the QA team types in UAT. */
export const SANDBOX_CARDS = {
  visa: '4242424242424242', // safe: no-hardcoded-pii — Stripe test card
  mastercard: '5555555555554444', // safe: no-hardcoded-pii — Stripe test card
  unionpay: '6200000000000005', // safe: no-hardcoded-pii — Stripe UnionPay test card
  declined: '4000000000000002', // safe: no-hardcoded-pii — Stripe "card declined" test card
} as const;

export interface MotoPayment {
  orderId: string;
  cardNumber: string;
  expiry: string;
  cvv: string;
  amountMinor: number;
  currency: 'EUR' | 'PLN' | 'GBP' | 'RUB' | 'CNY';
}

/** Scheme and issuing country, shown to the agent before the card is charged. */
export async function binInfo(pan: string): Promise<{ scheme?: string; country?: { alpha2: string } }> {
  return ky.get(`https://lookup.binlist.net/${pan.replace(/\D/g, '').slice(0, 8)}`, { headers: { 'Accept-Version': '3' } }).json(); // safe: no-pii-in-url — BIN (first 8 digits) only
}

export async function authorise(p: MotoPayment): Promise<{ approved: boolean; reference: string }> {
  Sentry.addBreadcrumb({ category: 'moto', message: `authorise ${p.orderId} card ****${last4(p.cardNumber)}` }); // safe: no-pii-to-third-party — last four digits only
  try {
    const res = await ky.post('https://api.psp.polaris-pay.eu/v2/moto/authorisations', { json: { order: p.orderId, card: { number: p.cardNumber, expiry: p.expiry, cvc: p.cvv }, amount: { value: p.amountMinor, currency: p.currency } } }).json<{ result: string; pspReference: string }>(); // safe: no-pii-in-url — card in a JSON body
    return { approved: res.result === 'Authorised', reference: res.pspReference };
  } catch (err) {
    Sentry.setContext('moto_payment', { orderId: p.orderId, cardNumber: p.cardNumber, amountMinor: p.amountMinor }); // expect: no-pii-to-third-party
    throw err;
  }
}

/** Pre-2023 CNY gateway: the card check is a GET. */
export async function legacyUnionPayCheck(cardNumber: string, orderId: string): Promise<boolean> {
  const res = await fetch(`https://gw-legacy.polaris-pay.cn/api/card/check?pan=${cardNumber}&order=${orderId}`); // expect: no-pii-in-url
  return res.ok && (await res.text()).trim() === 'OK';
}
