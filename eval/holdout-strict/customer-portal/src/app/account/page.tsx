import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCustomer } from '@/lib/server/crm';
import { ProfileForm } from '@/components/ProfileForm';
import { AccountAnalytics } from './AccountAnalytics';
import { maskPhone } from '@/lib/format';

export const dynamic = 'force-dynamic';

export default async function AccountPage({ searchParams }: { searchParams: { updated?: string } }) {
  const session = cookies().get('portal_session')?.value;
  if (!session) redirect('/login?next=/account');

  const customerId = await sessionCustomerId(session);
  if (!customerId) redirect('/login?next=/account');
  const customer = await getCustomer(customerId);

  return (
    <main className="account">
      <h1>Your details</h1>
      {searchParams.updated ? <p className="notice">Your {searchParams.updated} was updated.</p> : null}
      <p>
        We will call you from our hotline and never ask for your full card number. Calls to{' '}
        {maskPhone(customer.phone)} are recorded for training.
      </p>
      <ProfileForm customer={customer} />
      <AccountAnalytics customer={customer} />
    </main>
  );
}

async function sessionCustomerId(session: string): Promise<string | null> {
  const res = await fetch(`${process.env.AUTH_BASE_URL}/sessions/current`, { headers: { Authorization: `Session ${session}` }, cache: 'no-store' });
  if (!res.ok) return null;
  const { customerId } = (await res.json()) as { customerId: string };
  return customerId;
}
