import { cookies } from 'next/headers';
import CallbackForm from '@/components/CallbackForm';
import { getTicket } from '@/lib/callbacks';
import { SUPPORT_HOTLINE } from '@/lib/config';
import { cancelMyCallback } from '@/app/actions/callback-actions';

export const dynamic = 'force-dynamic';

export default async function CallbackPage() {
  const ticketId = cookies().get('cb_ticket')?.value;
  const ticket = ticketId ? await getTicket(ticketId) : null;

  console.log(`callback page rendered, hotline=${SUPPORT_HOTLINE}, openTicket=${Boolean(ticket)}`); // safe: no-pii-in-logs — company hotline constant and a boolean

  return (
    <main className="container">
      <h1>Request a callback</h1>
      <p>
        Prefer to call? Our team is on <a href={`tel:${SUPPORT_HOTLINE}`}>{SUPPORT_HOTLINE}</a>, 8am–8pm.
      </p>
      {ticket && ticket.status !== 'completed' && ticket.status !== 'cancelled' ? (
        <section className="card">
          <h2>Your callback is {ticket.status}</h2>
          <p>Attempts so far: {ticket.numberOfAttempts}</p>
          <form action={async () => { 'use server'; await cancelMyCallback(); }}>
            <button type="submit">Cancel it</button>
          </form>
        </section>
      ) : (
        <CallbackForm />
      )}
    </main>
  );
}
