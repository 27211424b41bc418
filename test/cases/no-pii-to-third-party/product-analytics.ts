// Product analytics of the callback service: PostHog for funnels, RudderStack feeding the CDP. Both SDKs
// take one object per call; its `distinctId`/`userId`/`anonymousId` and every property leave for the vendor.
import { PostHog } from 'posthog-node';
import Analytics from '@rudderstack/rudder-sdk-node';
import { createHmac } from 'node:crypto';
import { maskPhone } from '@acme/pii';

interface Subscriber {
  id: string;
  msisdn: string;
  email: string;
  region: string;
  plan: string;
  smsOptIn: boolean;
}

interface IceEvent {
  callId: string;
  cli: E164;
  domain: string;
}

type E164 = string & { readonly __brand: 'E164' };

interface InboundCall {
  callSid: string;
  callerNumber: string;
  queue: string;
  durationSec: number;
}

const posthog = new PostHog(process.env.POSTHOG_KEY ?? '', { host: 'https://eu.i.posthog.com' });
const rudder = new Analytics(process.env.RUDDER_WRITE_KEY ?? '', { dataPlaneUrl: 'https://acmecontact.dataplane.rudderstack.com' });
const PSEUDONYM_KEY = process.env.ANALYTICS_PSEUDONYM_KEY ?? '';

function subscriberRef(msisdn: string): string {
  return createHmac('sha256', PSEUDONYM_KEY).update(msisdn).digest('hex');
}

export function trackInbound(call: InboundCall): void {
  posthog.capture({ distinctId: call.callerNumber, event: 'inbound_call', properties: { queue: call.queue } }); // $ Alert[no-pii-to-third-party]
  posthog.capture({ distinctId: subscriberRef(call.callerNumber), event: 'inbound_call', properties: { queue: call.queue } }); // safe: keyed HMAC pseudonym as the distinct id
  posthog.capture({ distinctId: call.callSid, event: 'call_finished', properties: { durationSec: call.durationSec, queue: call.queue } }); // safe: a call SID and a duration
}

export function identifySubscriber(subscriber: Subscriber): void {
  posthog.identify({ distinctId: subscriber.id, properties: { plan: subscriber.plan, email: subscriber.email } }); // $ Alert[no-pii-to-third-party]
  posthog.identify({ distinctId: subscriber.id, properties: { plan: subscriber.plan, region: subscriber.region } }); // safe: plan and region
  posthog.capture({ distinctId: subscriber.id, event: 'sms_consent_changed', properties: { smsOptIn: subscriber.smsOptIn } }); // safe: a boolean flag
  posthog.alias({ distinctId: subscriber.id, alias: subscriber.msisdn }); // $ Alert[no-pii-to-third-party]
}

export function trackMenuChoice(msisdn: string, option: string): void {
  rudder.track({ anonymousId: msisdn, event: 'ivr_menu_choice', properties: { option } }); // $ Alert[no-pii-to-third-party]
  rudder.track({ anonymousId: subscriberRef(msisdn), event: 'ivr_menu_choice', properties: { option } }); // safe: keyed pseudonym
  rudder.track({ anonymousId: 'ivr', event: 'ivr_menu_choice', properties: { option, caller: maskPhone(msisdn) } }); // safe: masked
}

export function syncSubscriber(subscriber: Subscriber): void {
  rudder.identify({ userId: subscriber.id, traits: { plan: subscriber.plan, mobile: subscriber.msisdn } }); // $ Alert[no-pii-to-third-party]
  rudder.identify({ userId: subscriber.id, traits: { plan: subscriber.plan, region: subscriber.region } }); // safe: plan and region
  rudder.page({ userId: subscriber.id, name: 'callback-form', properties: { region: subscriber.region } }); // safe: a page name
}

export function trackIce(rawBody: string): void {
  const event = JSON.parse(rawBody) as IceEvent;
  posthog.capture({ distinctId: event.callId, event: 'ice', properties: { note: `from ${event.cli}` } }); // $ Alert[no-pii-to-third-party]
  posthog.capture({ distinctId: event.callId, event: 'ice', properties: { domain: event.domain } }); // safe: call id and domain
}
