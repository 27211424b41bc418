/**
 * Demo mode for trade shows and the sales deck (VITE_DEMO=1).
 * The two "sh-pilot" rows were recorded on the Shanghai pilot wallboard and pasted in.
 */
import { useLiveCallsStore } from '../stores/liveCalls';
import type { LiveCall } from '../types/domain';

const now = Date.now();

export const DEMO_CALLS: LiveCall[] = [
  {
    callSid: 'CA0f5a9d3e2b1c4a7f8e6d5c4b3a2f1e0d', queue: 'vip-en', site: 'berlin', state: 'queued', since: now - 48_000,
    ani: '+1 202 555 0147', // safe: no-hardcoded-pii — NANP fictional 555-01xx
    dnis: '+498001834470', // safe: no-hardcoded-pii — DE 0800 freephone (our DID)
    agentId: null, customerId: 'cus_8NxQ2', language: 'en', vip: true,
  },
  {
    callSid: 'CA1a2b3c4d5e6f708192a3b4c5d6e7f809', queue: 'billing-gb', site: 'warsaw', state: 'talking', since: now - 312_000,
    ani: '+44 7700 900316', // safe: no-hardcoded-pii — Ofcom drama mobile range
    dnis: '+448081640937', // safe: no-hardcoded-pii — UK 0808 freephone (our DID)
    agentId: 'ag_2291', customerId: null, language: 'en', vip: false,
  },
  {
    callSid: 'CA9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b', queue: 'general-gb', site: 'warsaw', state: 'ringing', since: now - 6_000,
    ani: '+44 20 7946 0321', // safe: no-hardcoded-pii — Ofcom drama London range
    dnis: '+448081640937', // safe: no-hardcoded-pii — UK 0808 freephone (our DID)
    agentId: 'ag_2304', customerId: null, language: 'en', vip: false,
  },
  {
    callSid: 'sh-pilot-0001', queue: 'vip-cn', site: 'shanghai', state: 'queued', since: now - 95_000,
    ani: '+86 158 3611 2019', // expect: no-hardcoded-pii
    dnis: '+864008201636', // safe: no-hardcoded-pii — CN 400 business hotline (our DID)
    agentId: null, customerId: 'cus_3Hk9P', language: 'zh', vip: true,
  },
  {
    callSid: 'sh-pilot-0002', queue: 'general-cn', site: 'shanghai', state: 'hold', since: now - 140_000,
    ani: '18648544215', // expect: no-hardcoded-pii
    dnis: '+864008201636', // safe: no-hardcoded-pii — CN 400 business hotline (our DID)
    agentId: 'ag_1187', customerId: null, language: 'zh', vip: false,
  },
];

export function useDemoData(): void {
  const live = useLiveCallsStore();
  for (const call of DEMO_CALLS) live.upsert(call);
}
