import { defineComponent, onBeforeUnmount, onMounted, ref } from 'vue';
import { useLiveCallsStore } from '../stores/liveCalls';
import { useSessionStore } from '../stores/session';
import { PUBLIC_HOTLINES } from '../config/hotlines';
import { WALLBOARD_REFRESH_MS } from '../config/ui';
import { snapshotVersion } from '../utils/fingerprint';
import LiveCallRow from '../components/LiveCallRow';

interface QueueSnapshot {
  name: string;
  waiting: number;
  longestWaitSec: number;
}

export default defineComponent({
  name: 'Wallboard',
  setup() {
    const live = useLiveCallsStore();
    const session = useSessionStore();
    const queues = ref<QueueSnapshot[]>([]);
    let version = '';
    let timer: ReturnType<typeof setInterval> | undefined;

    async function poll(): Promise<void> {
      const next = (await (await fetch(`/api/queues/snapshot?sites=${session.sites.join(',')}`, { credentials: 'include' })).json()) as QueueSnapshot[]; // safe: no-pii-in-url — site codes
      const v = await snapshotVersion(next);
      if (v !== version) {
        version = v;
        queues.value = next;
      }
    }

    onMounted(() => {
      live.connect(session.sites[0] ?? 'all', []);
      void poll();
      timer = setInterval(() => void poll(), WALLBOARD_REFRESH_MS);
    });
    onBeforeUnmount(() => clearInterval(timer));

    return () => (
      <section class="wallboard">
        <header>
          {PUBLIC_HOTLINES.map((h) => (
            <span key={h.number} class="hotline">{h.market} {h.label}: {h.number}</span>
          ))}
        </header>
        <div class="queues">
          {queues.value.map((q) => (
            <div key={q.name} class="queue">
              <h3>{q.name}</h3>
              <strong>{q.waiting}</strong> waiting, longest {q.longestWaitSec}s
            </div>
          ))}
        </div>
        <table class="live">
          <tbody>
            {Object.values(live.calls).map((call) => (
              <LiveCallRow key={call.callSid} call={call} />
            ))}
          </tbody>
        </table>
      </section>
    );
  },
});
