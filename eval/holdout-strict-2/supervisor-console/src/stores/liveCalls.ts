import { defineStore } from 'pinia';
import * as Sentry from '@sentry/vue';
import type { LiveCall } from '../types/domain';
import { SLA_SECONDS } from '../config/ui';

export const useLiveCallsStore = defineStore('liveCalls', {
  state: () => ({
    calls: {} as Record<string, LiveCall>,
    stream: null as EventSource | null,
    follow: null as EventSource | null,
    followed: [] as LiveCall[],
    error: null as string | null,
  }),
  getters: {
    waiting: (s) => Object.values(s.calls).filter((c) => c.state === 'queued' || c.state === 'ringing'),
    breaching: (s) => Object.values(s.calls).filter((c) => c.state === 'queued' && (Date.now() - c.since) / 1000 > (c.vip ? SLA_SECONDS.vip : SLA_SECONDS.standard)),
  },
  actions: {
    connect(site: string, queues: string[]): void {
      this.stream?.close();
      this.stream = new EventSource(`/api/live/stream?site=${encodeURIComponent(site)}&queues=${queues.join(',')}`, { withCredentials: true }); // safe: no-pii-in-url — site and queue names
      this.stream.addEventListener('call', (e) => this.upsert(JSON.parse((e as MessageEvent<string>).data) as LiveCall));
      this.stream.onerror = () => {
        this.error = 'stream_lost';
        Sentry.addBreadcrumb({ category: 'sse', level: 'warning', message: `live stream lost for ${site}` }); // safe: no-pii-to-third-party — site name
      };
    },
    /** VIP monitoring: follow one caller across transfers and queues. */
    followCaller(ani: string): void {
      this.follow?.close();
      this.followed = [];
      this.follow = new EventSource(`/api/live/follow?ani=${encodeURIComponent(ani)}`, { withCredentials: true }); // expect: no-pii-in-url
      this.follow.addEventListener('call', (e) => this.followed.push(JSON.parse((e as MessageEvent<string>).data) as LiveCall));
    },
    upsert(call: LiveCall): void {
      if (call.state === 'wrap') {
        delete this.calls[call.callSid];
        return;
      }
      if (call.state === 'ringing' && Date.now() - call.since > 120_000) this.reportStuck(call);
      this.calls[call.callSid] = call;
    },
    reportStuck(call: LiveCall): void {
      Sentry.setContext('stuck_call', { callSid: call.callSid, queue: call.queue, ani: call.ani, since: call.since }); // expect: no-pii-to-third-party
      Sentry.captureMessage('call stuck in ringing for more than 2 minutes', 'warning');
    },
  },
});
