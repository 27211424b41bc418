import { defineComponent, onMounted, ref } from 'vue';
import { RouterLink, useRoute, useRouter } from 'vue-router';
import { searchByEmail, searchByIdNumber, searchByPhone } from '../services/customers';
import { trackCustomerSearch, trackSearchTerm } from '../services/analytics';
import { ID_PLACEHOLDER, PHONE_PLACEHOLDER } from '../config/ui';
import { maskMsisdn } from '../utils/mask';
import type { CustomerSummary } from '../types/domain';

export default defineComponent({
  name: 'CustomerSearch',
  props: {
    ani: { type: String, default: '' },
  },
  setup(props) {
    const route = useRoute();
    const router = useRouter();
    const market = ref('CN');
    const phone = ref(props.ani || (typeof route.query.phone === 'string' ? route.query.phone : ''));
    const email = ref('');
    const idNumber = ref('');
    const results = ref<CustomerSummary[]>([]);
    const error = ref<string | null>(null);

    async function submit(): Promise<void> {
      error.value = null;
      try {
        if (phone.value) {
          results.value = await searchByPhone(phone.value);
          trackSearchTerm(phone.value);
          trackCustomerSearch('phone', results.value.length);
          // keep the search in the address bar so F5 and "copy link" work
          await router.replace({ path: '/customers', query: { phone: phone.value } }); // expect: no-pii-in-url
        } else if (email.value) {
          results.value = await searchByEmail(email.value);
          trackCustomerSearch('email', results.value.length);
          await router.replace({ path: '/customers', query: { by: 'email', n: String(results.value.length) } }); // safe: no-pii-in-url — search kind and a count
        } else if (idNumber.value) {
          results.value = await searchByIdNumber(idNumber.value, market.value);
          trackCustomerSearch('id', results.value.length);
        }
        const only = results.value.length === 1 ? results.value[0] : undefined;
        if (only) await router.push({ name: 'customer', params: { id: only.id } }); // safe: no-pii-in-url — customer id
      } catch (e) {
        error.value = e instanceof Error ? e.message : 'search failed';
      }
    }

    onMounted(() => {
      if (phone.value) void submit();
    });

    return () => (
      <form
        class="customer-search"
        onSubmit={(e: Event) => {
          e.preventDefault();
          void submit();
        }}
      >
        <select v-model={market.value}>
          {['CN', 'RU', 'KZ', 'DE', 'PL', 'GB', 'US'].map((m) => (
            <option key={m} value={m}>{m}</option>
          ))}
        </select>
        <input v-model={phone.value} type="tel" placeholder={PHONE_PLACEHOLDER[market.value] ?? ''} />
        <input v-model={email.value} type="email" placeholder="name@example.com" />
        <input v-model={idNumber.value} placeholder={ID_PLACEHOLDER[market.value] ?? ''} />
        <button type="submit">Search</button>
        {error.value && <p class="error">{error.value}</p>}
        <ul class="results">
          {results.value.map((c) => (
            <li key={c.id}>
              <RouterLink
                to={{ name: 'customer', params: { id: c.id } }} // safe: no-pii-in-url — customer id
              >
                {maskMsisdn(c.phone)}
              </RouterLink>
              <RouterLink
                to={{ path: '/history', query: { msisdn: c.phone } }} // expect: no-pii-in-url
              >
                calls
              </RouterLink>
              <span>{c.openTickets} open tickets</span>
            </li>
          ))}
        </ul>
      </form>
    );
  },
});
