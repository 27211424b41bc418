'use client';

import { FormEvent, useState } from 'react';
import { useRouter } from 'next/navigation';
import mixpanel from 'mixpanel-browser';
import * as amplitude from '@amplitude/analytics-browser';
import type { Customer } from '@/lib/types';
import { last4, toE164 } from '@/lib/format';
import { PHONE_INPUT_PLACEHOLDER } from '@/lib/support';

interface Values {
  email: string;
  phone: string;
  marketingOptIn: boolean;
}

export function ProfileForm({ customer }: { customer: Customer }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>({ email: customer.email, phone: customer.phone, marketingOptIn: false });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const phone = toE164(values.phone);
    if (!phone) {
      setError('Please enter your number with its country code, e.g. +44.');
      return;
    }

    setSaving(true);
    const res = await fetch(`/api/customers/${customer.id}/contact`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone, email: values.email, marketingOptIn: values.marketingOptIn }) }); // safe: no-pii-in-url — customer id in the path, contact details in the body
    setSaving(false);
    if (!res.ok) {
      setError('We could not save your details. Please try again.');
      return;
    }

    const emailChanged = values.email !== customer.email;
    const phoneChanged = phone !== customer.phone;

    mixpanel.identify(customer.id); // safe: no-pii-to-third-party — internal customer id
    mixpanel.people.set({ $email: values.email, plan: customer.plan }); // expect: no-pii-to-third-party
    mixpanel.register({ phone_verified: customer.phoneVerified && !phoneChanged }); // safe: no-pii-to-third-party — boolean flag
    amplitude.track('Contact Details Updated', { phoneLast4: last4(phone), emailChanged, phoneChanged }); // safe: no-pii-to-third-party — last four digits and booleans
    if (phoneChanged) {
      amplitude.identify(new amplitude.Identify().set('mobile', phone)); // expect: no-pii-to-third-party
      gtag('event', 'profile_update', { field: 'phone', plan: customer.plan }); // safe: no-pii-to-third-party — the literal field name, not its value
    }

    if (emailChanged) {
      router.push(`/account/verify-email?email=${encodeURIComponent(values.email)}`); // expect: no-pii-in-url
    } else {
      router.push(`/account?updated=${phoneChanged ? 'phone' : 'preferences'}`); // safe: no-pii-in-url — the word "phone", not a number
    }
  }

  return (
    <form className="profile-form" onSubmit={onSubmit} noValidate>
      <label>
        Email
        <input type="email" value={values.email} onChange={(e) => setValues({ ...values, email: e.target.value })} required />
      </label>
      <label>
        Mobile number
        <input
          type="tel"
          value={values.phone}
          placeholder={PHONE_INPUT_PLACEHOLDER}
          onChange={(e) => setValues({ ...values, phone: e.target.value })}
        />
      </label>
      <label>
        UK customers
        <input
          type="tel"
          name="ukPhone"
          placeholder="07700 900461" // safe: no-hardcoded-pii — Ofcom drama range 07700 900000–900999
          onChange={(e) => setValues({ ...values, phone: e.target.value })}
        />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.marketingOptIn}
          onChange={(e) => setValues({ ...values, marketingOptIn: e.target.checked })}
        />
        Send me offers by SMS
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" disabled={saving}>{saving ? 'Saving…' : 'Save'}</button>
    </form>
  );
}
