import { computed, defineComponent, type PropType } from 'vue';
import { useRouter } from 'vue-router';
import type { LiveCall } from '../types/domain';
import { crmSearchUrl, recordingUrl, telHref } from '../services/links';
import { trackBargeIn, trackWhisper } from '../services/analytics';
import { reportHangupReason } from '../services/beacon';
import { useLiveCallsStore } from '../stores/liveCalls';
import { maskMsisdn } from '../utils/mask';

export default defineComponent({
  name: 'LiveCallRow',
  props: {
    call: { type: Object as PropType<LiveCall>, required: true },
  },
  setup(props) {
    const router = useRouter();
    const live = useLiveCallsStore();
    const waited = computed(() => Math.round((Date.now() - props.call.since) / 1000));

    const openHistory = () => router.push(`/history?msisdn=${encodeURIComponent(props.call.ani)}`); // expect: no-pii-in-url
    const openCustomer = () => (props.call.customerId ? router.push({ name: 'customer', params: { id: props.call.customerId } }) : undefined); // safe: no-pii-in-url — customer id
    const openScreenPop = () => router.push({ name: 'screen-pop', params: { ani: props.call.ani } }); // expect: no-pii-in-url
    const openCrm = () => window.open(crmSearchUrl(props.call.ani), '_blank', 'noopener');
    const listen = () => window.open(recordingUrl(props.call.callSid), 'player'); // safe: no-pii-in-url — call SID
    const barge = async () => {
      trackBargeIn(props.call);
      await fetch(`/api/live/${props.call.callSid}/barge`, { method: 'POST', credentials: 'include' }); // safe: no-pii-in-url — call SID
    };
    const whisper = async () => {
      trackWhisper(props.call);
      await fetch(`/api/live/${props.call.callSid}/whisper`, { method: 'POST', credentials: 'include' });
    };
    const forceHangup = () => {
      reportHangupReason(props.call, 'supervisor_forced');
      void fetch(`/api/live/${props.call.callSid}`, { method: 'DELETE', credentials: 'include' });
    };

    return () => (
      <tr class={{ vip: props.call.vip, breach: waited.value > 60 }}>
        <td>{props.call.queue}</td>
        <td>
          <a
            href={telHref(props.call.ani)}
            title="Call back from the softphone"
          >
            {maskMsisdn(props.call.ani)}
          </a>
        </td>
        <td>{props.call.state}</td>
        <td>{waited.value}s</td>
        <td class="actions">
          <button onClick={openHistory}>History</button>
          <button onClick={openCustomer} disabled={!props.call.customerId}>Customer</button>
          <button onClick={openScreenPop}>Screen-pop</button>
          <button onClick={openCrm}>CRM</button>
          <button onClick={listen}>Listen</button>
          <button onClick={barge}>Barge</button>
          <button onClick={whisper}>Whisper</button>
          <button onClick={forceHangup}>Hang up</button>
          <button onClick={() => live.followCaller(props.call.ani)}>Follow</button>
        </td>
      </tr>
    );
  },
});
