'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import * as Sentry from '@sentry/nextjs';
import type { IncomingCaller } from '@/lib/types';
import { callHistoryHref, customerHref } from '@/lib/links';
import { maskPhone } from '@/lib/format';

interface Props {
  caller: IncomingCaller;
  callSid: string;
  onAccept(): void;
}

const LINE_TYPE_LABEL: Record<IncomingCaller['lineType'], string> = {
  mobile: 'Mobile',
  landline: 'Landline',
  voip: 'VoIP',
  unknown: 'Unknown line',
};

export function CallerCard({ caller, callSid, onAccept }: Props) {
  const customer = caller.customer;

  useEffect(() => {
    Sentry.setContext('screen_pop', { callSid, lineType: caller.lineType, matched: Boolean(customer) }); // safe: no-pii-to-third-party — SID, line type, a boolean
  }, [callSid, caller.lineType, customer]);

  return (
    <section className="caller-card" aria-live="polite">
      <header className="caller-card__header">
        <h2>{customer ? customer.email : maskPhone(caller.phone)}</h2>
        <span className="badge">{LINE_TYPE_LABEL[caller.lineType]}</span>
        {customer?.phoneVerified ? <span className="badge badge--ok">Verified</span> : null}
      </header>

      <div className="caller-card__actions">
        <button type="button" className="btn btn--primary" onClick={onAccept}>
          Answer
        </button>
        <a
          className="btn"
          href={`tel:${caller.phone}`} // safe: no-pii-in-url — tel: link handled by the desk phone; no HTTP request, no server log, no history entry
        >
          Call back from desk phone
        </a>
        {customer ? (
          <>
            <Link className="btn" href={customerHref(customer.id)}>
              Open customer
            </Link>
            <a
              className="btn"
              href={`mailto:${customer.email}?subject=${encodeURIComponent('Following up on your call')}`} // safe: no-pii-in-url — mailto: opens the mail client, nothing is requested over HTTP
            >
              Email
            </a>
          </>
        ) : (
          <Link
            className="btn"
            href={`/agent/customers/new?phone=${encodeURIComponent(caller.phone)}`} // expect: no-pii-in-url
            prefetch={false}
          >
            Create customer
          </Link>
        )}
        <Link className="btn btn--ghost" href={callHistoryHref(caller.phone)}>
          History
        </Link>
        <Link
          className="btn btn--ghost"
          href={{ pathname: '/agent/sms/compose', query: { to: caller.phone } }} // expect: no-pii-in-url
        >
          Send SMS
        </Link>
      </div>
    </section>
  );
}
