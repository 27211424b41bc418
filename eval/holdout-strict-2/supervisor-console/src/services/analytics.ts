import LogRocket from 'logrocket';
import * as FS from '@fullstory/browser';
import * as Sentry from '@sentry/vue';
import type { RuntimeConfig } from '../config/runtime';
import type { LiveCall, Supervisor } from '../types/domain';
import { maskMsisdn } from '../utils/mask';

export function initAnalytics(cfg: RuntimeConfig): void {
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push({ 'gtm.start': Date.now(), event: 'gtm.js' });
  window._paq = window._paq || [];
  window._paq.push(['setTrackerUrl', `${cfg.matomoUrl}/matomo.php`], ['setSiteId', cfg.matomoSiteId], ['enableLinkTracking']);
  LogRocket.init(cfg.logRocketAppId, { network: { requestSanitizer: (request) => ({ ...request, body: undefined }) } });
  FS.init({ orgId: cfg.fullStoryOrg });
}

/** Called once after login. Each tool was added by a different team; see ANALYTICS.md. */
export function identifySupervisor(user: Supervisor): void {
  window.dataLayer.push({ event: 'supervisor_login', user_id: user.id, team: user.team, role: user.role }); // safe: no-pii-to-third-party — internal id, team and role
  window._paq.push(['setUserId', user.email]); // expect: no-pii-to-third-party
  window.hj?.('identify', user.id, { email: user.email, team: user.team }); // expect: no-pii-to-third-party
  FS.identify(user.id, { team_str: user.team, role_str: user.role, sites_int: user.sites.length }); // safe: no-pii-to-third-party — id, team, role and a count
  LogRocket.identify(user.id, { email: user.email, team: user.team }); // expect: no-pii-to-third-party
  window.heap?.identify(user.id); // safe: no-pii-to-third-party — internal id
  window.heap?.addUserProperties({ team: user.team, mobile: user.mobile }); // expect: no-pii-to-third-party
  Sentry.setUser({ id: user.id }); // safe: no-pii-to-third-party — internal id
}

export function trackPage(routeName: string): void {
  window._paq.push(['trackPageView', routeName]); // safe: no-pii-to-third-party — route name, not the URL
}

export function trackBargeIn(call: LiveCall): void {
  LogRocket.track('barge_in', { queue: call.queue, callSid: call.callSid, vip: call.vip }); // safe: no-pii-to-third-party — queue, call SID and a flag
}

export function trackWhisper(call: LiveCall): void {
  LogRocket.track('whisper', { queue: call.queue, callerId: call.ani }); // expect: no-pii-to-third-party
}

export function trackTransfer(call: LiveCall, target: string): void {
  FS.event('Transfer', { queue_str: call.queue, target_str: target, caller_str: maskMsisdn(call.ani) }); // safe: no-pii-to-third-party — masked number
}

export function trackCustomerSearch(kind: 'phone' | 'email' | 'id', results: number): void {
  window.dataLayer.push({ event: 'customer_search', search_kind: kind, results }); // safe: no-pii-to-third-party — the kind of search, not the term
}

export function trackSearchTerm(msisdn: string): void {
  window._paq.push(['trackEvent', 'Customers', 'search-by-msisdn', msisdn]); // expect: no-pii-to-third-party
}

export function trackCallbackScheduled(phone: string, slot: string): void {
  window.dataLayer.push({ event: 'callback_scheduled', slot, customer_phone: phone }); // expect: no-pii-to-third-party
}

export function trackSoftphone(phoneModel: string, isPhoneVerified: boolean): void {
  window.heap?.track('softphone_device', { phoneModel, isPhoneVerified }); // safe: no-pii-to-third-party — device model and a flag
}

export function trackRecordingPlayed(call: Pick<LiveCall, 'callSid' | 'agentId'>): void {
  window.heap?.track('recording_played', { callSid: call.callSid, agentId: call.agentId ?? 'none' }); // safe: no-pii-to-third-party — call SID and agent id
}

export function trackEscalation(): void {
  window.hj?.('event', 'escalation_opened'); // safe: no-pii-to-third-party — event name only
}
