import { defineComponent, h, onMounted, ref } from 'vue';
import { customersByNationalId, getCustomer, scheduleCallback } from '../services/customers';
import { trackCallbackScheduled, trackEscalation } from '../services/analytics';
import { crmCustomerUrl, mailtoHref } from '../services/links';
import { callerCardCacheKey, sfzMatchKey } from '../utils/fingerprint';
import { maskEmail, maskMsisdn } from '../utils/mask';
import type { CustomerSummary } from '../types/domain';

export default defineComponent({
  name: 'CustomerDetail',
  props: { id: { type: String, required: true } },
  setup(props) {
    const customer = ref<CustomerSummary | null>(null);
    const vipList = ref<Set<string>>(new Set());
    const sameDocument = ref<CustomerSummary[]>([]);
    const documentNumber = ref('');
    const slot = ref('');

    onMounted(async () => {
      customer.value = await getCustomer(props.id);
      const cacheKey = await callerCardCacheKey(customer.value.phone);
      sessionStorage.setItem(cacheKey, props.id);
      vipList.value = new Set((await (await fetch('/api/clients/cn/vip-digests', { credentials: 'include' })).json()) as string[]);
    });

    async function checkDocument(): Promise<void> {
      sameDocument.value = await customersByNationalId(documentNumber.value);
      if (vipList.value.has(sfzMatchKey(documentNumber.value))) trackEscalation();
    }

    async function bookCallback(): Promise<void> {
      if (!customer.value || !slot.value) return;
      await scheduleCallback(customer.value.id, customer.value.phone, slot.value);
      trackCallbackScheduled(customer.value.phone, slot.value);
    }

    return () => {
      const c = customer.value;
      if (!c) return h('p', 'Loading…');
      return h('article', { class: 'customer' }, [
        h('h2', maskMsisdn(c.phone)),
        c.email ? h('a', { href: mailtoHref(c.email, 'Your recent call') }, maskEmail(c.email)) : null,
        h('a', { href: crmCustomerUrl(c.id), target: '_blank', rel: 'noopener' }, 'Open in CRM'),
        h('input', { value: documentNumber.value, onInput: (e: Event) => (documentNumber.value = (e.target as HTMLInputElement).value) }),
        h('button', { onClick: checkDocument }, 'Same document?'),
        h('p', `${sameDocument.value.length} other customers with this document`),
        h('input', { type: 'datetime-local', value: slot.value, onInput: (e: Event) => (slot.value = (e.target as HTMLInputElement).value) }),
        h('button', { onClick: bookCallback }, 'Book callback'),
      ]);
    };
  },
});
