import { defineComponent } from 'vue';
import { RouterLink, RouterView } from 'vue-router';
import { useSessionStore } from './stores/session';
import { ON_CALL } from './config/hotlines';
import { telHref } from './services/links';

export default defineComponent({
  name: 'App',
  setup() {
    const session = useSessionStore();
    return () => (
      <div class="app">
        <nav>
          <RouterLink to="/">Wallboard</RouterLink>
          <RouterLink to="/customers">Customers</RouterLink>
          <RouterLink to="/history">History</RouterLink>
          <span class="user">{session.user?.team}</span>
          <a href={telHref(ON_CALL.platform)} class="oncall">Platform on-call</a>
        </nav>
        <RouterView />
      </div>
    );
  },
});
