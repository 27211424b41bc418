import { defineComponent, h, ref, watch } from 'vue';
import { useRoute } from 'vue-router';
import type { HistoryRow } from '../types/domain';
import { historyExportUrl } from '../services/links';
import { fileChecksum } from '../utils/fingerprint';
import { maskMsisdn } from '../utils/mask';

const isoDay = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export default defineComponent({
  name: 'CallHistory',
  setup() {
    const route = useRoute();
    const rows = ref<HistoryRow[]>([]);
    const range = ref({ from: isoDay(-7), to: isoDay(0) });

    async function load(): Promise<void> {
      const msisdn = typeof route.query.msisdn === 'string' ? route.query.msisdn : '';
      const res = await fetch('/api/history/query', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ msisdn, ...range.value }) }); // safe: no-pii-in-url — number in the POST body
      rows.value = (await res.json()) as HistoryRow[];
    }
    watch([() => route.query.msisdn, range], () => void load(), { immediate: true, deep: true });

    function exportAll(): void {
      location.href = historyExportUrl(range.value); // safe: no-pii-in-url — date range only
    }

    function exportCaller(row: HistoryRow): void {
      location.href = `/api/exports/calls.csv?ani=${encodeURIComponent(row.ani)}&from=${range.value.from}&to=${range.value.to}`; // expect: no-pii-in-url
    }

    /** The CN client's CRM has no deep-link by id, only a search page. */
    function openInClientCrm(row: HistoryRow): void {
      window.open(`https://crm.client-cn.example.cn/contact/search?mobile=${row.ani}`, '_blank', 'noopener'); // expect: no-pii-in-url
    }

    async function attachEvidence(row: HistoryRow, file: File): Promise<void> {
      const checksum = await fileChecksum(file);
      await fetch(`/api/qa/evidence/${row.callSid}?sha256=${checksum}`, { method: 'PUT', body: file, credentials: 'include' }); // safe: no-pii-in-url — call SID and a file checksum
    }

    return () =>
      h('section', { class: 'history' }, [
        h('button', { onClick: exportAll }, 'Export CSV'),
        h('table', rows.value.map((row) =>
          h('tr', { key: row.callSid }, [
            h('td', row.at),
            h('td', maskMsisdn(row.ani)),
            h('td', row.queue),
            h('td', `${row.durationSec}s`),
            h('td', [
              h('button', { onClick: () => exportCaller(row) }, 'Export caller'),
              h('button', { onClick: () => openInClientCrm(row) }, 'Client CRM'),
              h('input', { type: 'file', onChange: (e: Event) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) void attachEvidence(row, f); } }),
            ]),
          ]),
        )),
      ]);
  },
});
