// The public contact page and the agents' escalation sheet. Company hotlines — freephone, shared-cost and
// non-geographic numbers — are published business lines; a colleague's mobile typed into the markup is not.
import type { ReactElement } from 'react';

export const HOTLINES = {
  us: '+1 (833) 902-4417', // safe: US toll-free 833, the company hotline
  usLegacy: '1-800-937-2261', // safe: US toll-free 800 written with the trunk 1
  uk: '0808 196 5532', // safe: UK 0808 freephone
  ukBilling: '0345 602 1377', // safe: UK 03 non-geographic (UAN) billing line
  ie: '+353 1800 553 927', // safe: Irish 1800 freephone
  ru: '8 800 200 47 93', // safe: RU 8-800 freephone
  cn: '400-820-6677', // safe: CN 400 shared-cost service number
};

export function ContactPage(): ReactElement {
  return (
    <section>
      <h2>Talk to us</h2>
      <p>US &amp; Canada: call free on 1 (855) 612-4409, 24 hours a day. {/* // safe: US toll-free 855 */}</p>
      <p>From the UK: 0800 048 7712, or 0345 602 1377 from a mobile. {/* // safe: UK freephone and 03 lines */}</p>
      <p>Opening hours 08:00–20:00, reference 2024-118-4471 for the current outage. {/* // safe: times and a ticket number */}</p>
      <a href="tel:+18334902217">Call the hotline</a>
    </section>
  );
}

export function EscalationSheet({ onCall }: { onCall: string }): ReactElement {
  return (
    <article>
      <h2>Escalations</h2>
      <p>Weekend escalations go to Priya on 07412 553918 before the duty phone. {/* // $ Alert[no-hardcoded-pii] */}</p>
      <p>
        If the dialer is down, text the floor lead on +1 312 845 2290 and open a P1. {/* // $ Alert[no-hardcoded-pii] */}
      </p>
      <p>Training calls use +1 202 555 0143 only. {/* // safe: NANP fiction range */}</p>
      <p>Press 9 for an outside line, then 0 for the operator. {/* // safe: menu digits */}</p>
      <p>Today's on-call: {onCall}</p>
    </article>
  );
}
