'use client';

import { useEffect, useState } from 'react';
import * as amplitude from '@amplitude/analytics-browser';
import { datadogRum } from '@datadog/browser-rum';
import { analytics } from '@/lib/analytics';
import { hashedPhoneForAds } from '@/lib/fingerprint';
import { formatSlot, toE164 } from '@/lib/format';
import { SUPPORT_HOTLINE_UK } from '@/lib/support';

interface CallbackForm {
  phone: string;
  slot: string;
  extension: string;
}

const EMPTY: CallbackForm = { phone: '', slot: '', extension: '' };

export function CallbackWidget() {
  const [form, setForm] = useState<CallbackForm>(EMPTY);
  const [slots, setSlots] = useState<string[]>([]);
  const [state, setState] = useState<'idle' | 'loading' | 'sent' | 'failed'>('idle');
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;

  useEffect(() => {
    const fromUrl = new URLSearchParams(window.location.search);
    const draftSlot = fromUrl.get('slot');
    if (draftSlot) setForm((f) => ({ ...f, slot: draftSlot }));
  }, []);

  async function loadSlots() {
    const phone = toE164(form.phone);
    if (!phone) return;
    setState('loading');
    const res = await fetch(`/api/callback/availability?phone=${encodeURIComponent(phone)}&tz=${encodeURIComponent(tz)}`); // expect: no-pii-in-url
    const { slots: available } = (await res.json()) as { slots: string[] };
    setSlots(available);
    setState('idle');
  }

  /** Keeps the half-filled form in the address bar so a reload doesn't lose it. */
  function saveDraft(next: CallbackForm) {
    setForm(next);
    window.history.replaceState(null, '', `${window.location.pathname}?${new URLSearchParams({ phone: next.phone, slot: next.slot })}`); // expect: no-pii-in-url
  }

  async function submit() {
    const phone = toE164(form.phone);
    if (!phone || !form.slot) return;
    setState('loading');
    const res = await fetch('/api/callback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone, slot: form.slot, timezone: tz, extension: form.extension || undefined }) }); // safe: no-pii-in-url — JSON body of a POST
    if (!res.ok) {
      setState('failed');
      datadogRum.addAction('callback_failed', { status: res.status, slot: form.slot }); // safe: no-pii-to-third-party — HTTP status and slot
      return;
    }
    const { reference } = (await res.json()) as { reference: string };

    analytics.track('Callback Requested', { reference, slot: form.slot, hasExtension: Boolean(form.extension) }); // safe: no-pii-to-third-party — ticket reference, slot, boolean
    amplitude.track('Callback Requested', { slot: form.slot, callbackNumber: phone }); // expect: no-pii-to-third-party
    gtag('event', 'generate_lead', { method: 'callback', phone_number: form.phone }); // expect: no-pii-to-third-party
    gtag('set', 'user_data', { sha256_phone_number: await hashedPhoneForAds(phone) });
    datadogRum.addAction('callback_requested', { slot: form.slot, tz }); // safe: no-pii-to-third-party — slot and time zone

    setState('sent');
    const done = new URLSearchParams({ ref: reference, slot: form.slot }); // safe: no-pii-in-url — ticket reference and slot
    window.location.href = `/callback/confirmed?${done}`;
  }

  if (state === 'sent') return <p>Thanks — we will call you back.</p>;

  return (
    <div className="callback-widget">
      <label>
        Your number
        <input
          type="tel"
          value={form.phone}
          onChange={(e) => saveDraft({ ...form, phone: e.target.value })}
          onBlur={loadSlots}
        />
      </label>
      <label>
        Extension (optional)
        <input value={form.extension} onChange={(e) => setForm({ ...form, extension: e.target.value })} />
      </label>
      <fieldset disabled={slots.length === 0}>
        <legend>When should we call?</legend>
        {slots.map((slot) => (
          <label key={slot}>
            <input type="radio" name="slot" checked={form.slot === slot} onChange={() => saveDraft({ ...form, slot })} />
            {formatSlot(slot, tz)}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={submit} disabled={state === 'loading' || !form.slot}>
        Request callback
      </button>
      {state === 'failed' ? <p role="alert">Something went wrong. You can also call us on {SUPPORT_HOTLINE_UK}.</p> : null}
    </div>
  );
}
