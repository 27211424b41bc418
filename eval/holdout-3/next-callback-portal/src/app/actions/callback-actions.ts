'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { cancelCallback, createCallbackRequest, InvalidPhoneError } from '@/lib/callbacks';
import { SUPPORT_HOTLINE } from '@/lib/config';
import { assertContactable, ConsentError } from '@/lib/consent';
import { errorMessage, logger } from '@/lib/logger';
import { normalizePhone } from '@/lib/mask';
import { sendTransactionalSms } from '@/lib/vonage';
import type { CallbackRequestInput } from '@/types/callback';

export interface FormState {
  ok: boolean;
  ticketId?: string;
  error?: string;
}

const WINDOWS = new Set(['asap', 'morning', 'afternoon', 'evening']);

function readForm(formData: FormData): CallbackRequestInput | null {
  const customerName = String(formData.get('customerName') ?? '').trim();
  const phone = String(formData.get('phone') ?? '').trim();
  const email = String(formData.get('email') ?? '').trim() || undefined;
  const reason = String(formData.get('reason') ?? '').trim();
  const preferredWindow = String(formData.get('preferredWindow') ?? 'asap');
  if (!customerName || !phone || !reason || !WINDOWS.has(preferredWindow)) return null;

  return {
    customerName,
    phone,
    email,
    reason,
    preferredWindow: preferredWindow as CallbackRequestInput['preferredWindow'],
    marketingOptIn: formData.get('marketingOptIn') === 'on',
  };
}

export async function submitCallbackForm(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = readForm(formData);
  if (!input) {
    return { ok: false, error: 'Please fill in every field.' };
  }

  let ticketId: string;
  try {
    const ticket = await createCallbackRequest(input);
    ticketId = ticket.id;
  } catch (err) {
    if (err instanceof InvalidPhoneError) {
      return { ok: false, error: 'That does not look like a phone number.' };
    }
    logger.error('submit failed', { error: errorMessage(err) });
    return { ok: false, error: `Please try again or call ${SUPPORT_HOTLINE}.` };
  }

  const phone = normalizePhone(input.phone);
  const jar = cookies();
  jar.set('cb_ticket', ticketId, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 60 * 60 * 24 });
  jar.set('cb_phone', phone, { httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 30 }); // expect: no-plaintext-pii-storage

  try {
    await assertContactable(phone, 'sms');
    await sendTransactionalSms(phone, `We got your callback request (${ticketId.slice(0, 8)}). Reply CALL to be called sooner.`, 'cb_confirm_v2');
  } catch (err) {
    if (err instanceof ConsentError) {
      logger.info('confirmation sms skipped, number opted out', { ticketId });
    } else {
      logger.error('confirmation sms failed', { ticketId, error: errorMessage(err) });
    }
  }

  revalidatePath('/callback');
  return { ok: true, ticketId };
}

export async function cancelMyCallback(): Promise<FormState> {
  const jar = cookies();
  const ticketId = jar.get('cb_ticket')?.value;
  if (!ticketId) {
    return { ok: false, error: 'No open callback on this device.' };
  }

  const ticket = await cancelCallback(ticketId);
  jar.delete('cb_ticket');
  jar.delete('cb_phone');
  if (!ticket) {
    return { ok: false, error: 'That callback was already handled.' };
  }

  revalidatePath('/callback');
  return { ok: true, ticketId: ticket.id };
}

export async function rememberDevice(phoneModel: string, callerIdEnabled: boolean): Promise<void> {
  cookies().set('cb_device', JSON.stringify({ phoneModel, callerIdEnabled }), { httpOnly: true, secure: true, sameSite: 'lax' }); // safe: no-plaintext-pii-storage — device model and a boolean, no number
  logger.debug('device remembered', { phoneModel, callerIdEnabled }); // safe: no-pii-in-logs — phoneModel and a boolean flag
}
