import { OPENING_HOURS, STATUS_PAGE_URL, SUPPORT_EMAIL, SUPPORT_HOTLINE_CN, SUPPORT_HOTLINE_UK, SUPPORT_HOTLINE_US } from '@/lib/support';
import { CallbackWidget } from '@/components/CallbackWidget';

export const metadata = { title: 'Contact support' };

const telHref = (n: string) => `tel:${n.replace(/[\s-]/g, '')}`;

export default function SupportPage() {
  return (
    <main className="support">
      <h1>Talk to us</h1>
      <ul className="hotlines">
        <li>
          United States &amp; Canada: <a href={telHref(SUPPORT_HOTLINE_US)}>{SUPPORT_HOTLINE_US}</a>
        </li>
        <li>
          United Kingdom: <a href={telHref(SUPPORT_HOTLINE_UK)}>{SUPPORT_HOTLINE_UK}</a>
        </li>
        <li>
          中国大陆: <a href={telHref(SUPPORT_HOTLINE_CN)}>{SUPPORT_HOTLINE_CN}</a>
        </li>
        <li>
          Ireland: Freephone 1800 812 436 {/* // safe: no-hardcoded-pii — Irish 1800 Freephone company line */}
        </li>
      </ul>
      <p>
        Lines are open {OPENING_HOURS.weekdays.open}–{OPENING_HOURS.weekdays.close} on weekdays and{' '}
        {OPENING_HOURS.saturday.open}–{OPENING_HOURS.saturday.close} on Saturdays.
      </p>
      <p>
        Prefer email? Write to <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>. Service status:{' '}
        <a href={STATUS_PAGE_URL}>{STATUS_PAGE_URL.replace('https://', '')}</a>.
      </p>
      <h2>Or we can call you</h2>
      <CallbackWidget />
    </main>
  );
}
