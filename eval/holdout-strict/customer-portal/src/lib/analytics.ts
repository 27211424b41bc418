import { AnalyticsBrowser } from '@segment/analytics-next';
import mixpanel from 'mixpanel-browser';
import * as amplitude from '@amplitude/analytics-browser';
import type { Agent, Customer } from './types';

export const analytics = AnalyticsBrowser.load({
  writeKey: process.env.NEXT_PUBLIC_SEGMENT_WRITE_KEY ?? '',
});

let initialised = false;

export function initAnalytics(): void {
  if (initialised || typeof window === 'undefined') return;
  initialised = true;
  mixpanel.init(process.env.NEXT_PUBLIC_MIXPANEL_TOKEN ?? '', {
    persistence: 'localStorage',
    ip: false,
    track_pageview: 'url-with-path',
  });
  amplitude.init(process.env.NEXT_PUBLIC_AMPLITUDE_KEY ?? '', {
    defaultTracking: { pageViews: true, sessions: true, formInteractions: false },
  });
}

export function identifyCustomer(customer: Customer): void {
  analytics.identify(customer.id, { email: customer.email, plan: customer.plan, locale: customer.locale }); // expect: no-pii-to-third-party
}

export function identifyAgent(agent: Agent): void {
  analytics.identify(agent.id, { team: agent.team, role: agent.role, extension: agent.extension }); // safe: no-pii-to-third-party — agent id, team and PBX extension only
}

export function trackCallRated(callSid: string, score: number): void {
  analytics.track('Call Rated', { callSid, score }); // safe: no-pii-to-third-party — call SID and a score
}

export function resetAnalytics(): void {
  analytics.reset();
  mixpanel.reset();
  amplitude.reset();
}
