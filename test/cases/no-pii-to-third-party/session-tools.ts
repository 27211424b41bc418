// Browser tools on the agent desk, each added by a different team: Matomo, Hotjar, LogRocket, Heap, FullStory
// and PostHog's browser SDK. Snippet tools live on `window` and may not have loaded, hence the optional calls.
import LogRocket from 'logrocket';
import * as FS from '@fullstory/browser';
import posthog from 'posthog-js';
import { maskPhone } from '@acme/pii';

declare global {
  interface Window {
    _paq: unknown[][];
    hj?: (command: string, ...args: unknown[]) => void;
    heap?: { identify(id: string): void; addUserProperties(props: Record<string, unknown>): void; track(name: string, props?: Record<string, unknown>): void };
  }
}

interface Agent {
  id: string;
  email: string;
  mobile: string;
  team: string;
  seniority: number;
}

interface ActiveCall {
  callSid: string;
  callerId: string;
  queue: string;
  isPhoneVerified: boolean;
}

export function identifyAgent(agent: Agent): void {
  window._paq.push(['setUserId', agent.email]); // $ Alert[no-pii-to-third-party]
  window._paq.push(['setUserId', agent.id]); // safe: internal agent id
  window._paq.push(['setCustomDimension', 1, agent.team]); // safe: a team name
  window.hj?.('identify', agent.id, { email: agent.email, team: agent.team }); // $ Alert[no-pii-to-third-party]
  window.hj?.('identify', agent.id, { team: agent.team, seniority: agent.seniority }); // safe: id, team, seniority
  LogRocket.identify(agent.id, { name: agent.team, email: agent.email }); // $ Alert[no-pii-to-third-party]
  LogRocket.identify(agent.id, { team: agent.team }); // safe: id and team
  window.heap?.identify(agent.id); // safe: internal id
  window.heap?.addUserProperties({ team: agent.team, mobile: agent.mobile }); // $ Alert[no-pii-to-third-party]
  window.heap?.addUserProperties({ team: agent.team, seniority: agent.seniority }); // safe: team and seniority
  FS.identify(agent.id, { displayName: agent.team, email: agent.email }); // $ Alert[no-pii-to-third-party]
  FS.identify(agent.id, { team_str: agent.team }); // safe: id and team
  posthog.identify(agent.id, { email: agent.email }); // $ Alert[no-pii-to-third-party]
  posthog.identify(agent.id, { team: agent.team }); // safe: id and team
  posthog.people.set({ mobile: agent.mobile }); // $ Alert[no-pii-to-third-party]
}

export function trackCallEvents(call: ActiveCall): void {
  window._paq.push(['trackEvent', 'Calls', 'answered', call.callerId]); // $ Alert[no-pii-to-third-party]
  window._paq.push(['trackEvent', 'Calls', 'answered', call.queue]); // safe: queue name
  window.hj?.('event', 'call_answered'); // safe: event name only
  LogRocket.track('call_answered', { queue: call.queue, caller: call.callerId }); // $ Alert[no-pii-to-third-party]
  LogRocket.track('call_answered', { queue: call.queue, callSid: call.callSid }); // safe: queue and SID
  window.heap?.track('call_answered', { callerId: call.callerId }); // $ Alert[no-pii-to-third-party]
  window.heap?.track('call_answered', { queue: call.queue, isPhoneVerified: call.isPhoneVerified }); // safe: queue and a flag
  FS.event('Call answered', { queue_str: call.queue, caller_str: maskPhone(call.callerId) }); // safe: masked
  FS.setUserVars({ lastCaller_str: call.callerId }); // $ Alert[no-pii-to-third-party]
  posthog.capture('call_answered', { queue: call.queue }); // safe: queue
}
