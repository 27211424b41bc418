'use client';

import { useEffect, useRef, useState } from 'react';
import { useFormState, useFormStatus } from 'react-dom';
import { submitCallbackForm, type FormState } from '@/app/actions/callback-actions';

const DRAFT_KEY = 'cb.draft.v1';
const LAST_TICKET_KEY = 'cb.lastTicket';
const STATUS_FEED = 'wss://status.example-portal.com/tickets'; // safe: no-plaintext-transport — wss

interface Draft {
  customerName: string;
  phone: string;
  email: string;
  reason: string;
  preferredWindow: string;
}

const EMPTY_DRAFT: Draft = { customerName: '', phone: '', email: '', reason: '', preferredWindow: 'asap' };

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="btn btn-primary">
      {pending ? 'Sending…' : 'Call me back'}
    </button>
  );
}

function useTicketStatus(ticketId: string | undefined): string | null {
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (!ticketId) return;
    const socket = new WebSocket(`${STATUS_FEED}/${encodeURIComponent(ticketId)}`);
    socket.onmessage = (ev) => {
      try {
        const data = JSON.parse(String(ev.data)) as { status: string };
        setStatus(data.status);
      } catch {
        // ignore malformed frames
      }
    };
    return () => socket.close();
  }, [ticketId]);

  return status;
}

export default function CallbackForm() {
  const [state, formAction] = useFormState<FormState, FormData>(submitCallbackForm, { ok: false });
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const restored = useRef(false);
  const liveStatus = useTicketStatus(state.ticketId);

  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const saved = window.localStorage.getItem(DRAFT_KEY);
    if (!saved) return;
    try {
      const parsed = JSON.parse(saved) as Draft;
      setDraft({ ...EMPTY_DRAFT, ...parsed });
    } catch {
      window.localStorage.removeItem(DRAFT_KEY);
    }
  }, []);

  useEffect(() => {
    if (!state.ok || !state.ticketId) return;
    window.localStorage.removeItem(DRAFT_KEY);
    window.localStorage.setItem(LAST_TICKET_KEY, state.ticketId); // safe: no-plaintext-pii-storage — ticket id only
  }, [state.ok, state.ticketId]);

  function update<K extends keyof Draft>(key: K, value: Draft[K]) {
    const next = { ...draft, [key]: value };
    setDraft(next);
    window.localStorage.setItem(DRAFT_KEY, JSON.stringify(next)); // expect: no-plaintext-pii-storage
  }

  if (state.ok && state.ticketId) {
    return (
      <section className="card">
        <h2>We will call you back</h2>
        <p>Reference: {state.ticketId.slice(0, 8)}</p>
        {liveStatus && <p>Status: {liveStatus}</p>}
      </section>
    );
  }

  return (
    <form action={formAction} className="card">
      <label>
        Name
        <input name="customerName" value={draft.customerName} onChange={(e) => update('customerName', e.target.value)} required />
      </label>
      <label>
        Phone
        <input name="phone" type="tel" value={draft.phone} onChange={(e) => update('phone', e.target.value)} required />
      </label>
      <label>
        Email (optional)
        <input name="email" type="email" value={draft.email} onChange={(e) => update('email', e.target.value)} />
      </label>
      <label>
        What is it about?
        <textarea name="reason" value={draft.reason} onChange={(e) => update('reason', e.target.value)} required />
      </label>
      <label>
        When
        <select name="preferredWindow" value={draft.preferredWindow} onChange={(e) => update('preferredWindow', e.target.value)}>
          <option value="asap">As soon as possible</option>
          <option value="morning">Tomorrow morning</option>
          <option value="afternoon">Afternoon</option>
          <option value="evening">Evening</option>
        </select>
      </label>
      <label className="inline">
        <input name="marketingOptIn" type="checkbox" /> Send me offers by SMS
      </label>
      {state.error && <p className="error">{state.error}</p>}
      <SubmitButton />
    </form>
  );
}
