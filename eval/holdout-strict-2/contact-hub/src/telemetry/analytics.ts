import { PostHog } from 'posthog-node';
import Analytics from '@rudderstack/rudder-sdk-node';
import { env } from '../env';
import { phonePseudonym } from '../privacy/pseudonym';
import type { Customer, E164, Market } from '../types';

export const posthog = new PostHog(env.POSTHOG_KEY, { host: 'https://eu.i.posthog.com', flushAt: 20, flushInterval: 10_000 });
export const rudderanalytics = new Analytics(env.RUDDER_WRITE_KEY, { dataPlaneUrl: env.RUDDER_DATA_PLANE });

/** Anonymous inbound callers have no customer id yet, so the funnel keys on the caller. */
export function trackInboundCall(e: { callUuid: string; callerNumber: string; market: Market }): void {
  posthog.capture({ distinctId: e.callerNumber, event: 'inbound_call', properties: { market: e.market, callUuid: e.callUuid } }); // expect: no-pii-to-third-party
}

export function identifyCustomer(customer: Customer): void {
  posthog.identify({ distinctId: customer.id, properties: { market: customer.market, locale: customer.locale, vip: customer.vip, email: customer.email } }); // expect: no-pii-to-third-party
}

export function trackCallbackRequested(customer: Customer, slot: string): void {
  posthog.capture({ distinctId: customer.id, event: 'callback_requested', properties: { slot, market: customer.market, phoneVerified: customer.phoneVerified } }); // safe: no-pii-to-third-party — customer id, slot and a boolean flag
}

export async function trackSmsSent(market: Market, phone: E164, template: string, provider: string): Promise<void> {
  rudderanalytics.track({ userId: await phonePseudonym(phone), event: 'sms_sent', properties: { market, template, provider } }); // safe: no-pii-to-third-party — keyed HMAC pseudonym
}

export function trackIvrOption(msisdn: string, option: string, market: Market): void {
  rudderanalytics.track({ anonymousId: msisdn, event: 'ivr_option_selected', properties: { option, market } }); // expect: no-pii-to-third-party
}

/** The CN client's CDP expects the mobile as a trait called "shouji". */
export function identifyCnCustomer(customer: Customer): void {
  rudderanalytics.identify({ userId: customer.id, traits: { market: 'CN', shouji: customer.phone, locale: customer.locale } }); // expect: no-pii-to-third-party
}
