import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { asE164 } from '../types';
import { sendSms } from '../channels/sms';
import { legacyCallbackAlert } from '../channels/notify';
import { customersByPhoneHmac } from '../crm/customers';
import { createLead, findLeadIdsByPhone } from '../crm/bitrix';
import { phonePseudonym } from '../privacy/pseudonym';
import { identifyCustomer, trackCallbackRequested } from '../telemetry/analytics';
import { placeCallback } from '../voice/plivo';

const CallbackForm = z.object({
  phone: z.string().min(6).max(24),
  market: z.enum(['CN', 'RU', 'KZ', 'DE', 'PL', 'GB', 'US']),
  slot: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
  email: z.string().email().optional(),
});

export const callbackRoutes = new Hono();

callbackRoutes.post('/', zValidator('form', CallbackForm), async (c) => {
  const form = c.req.valid('form');
  const phone = asE164(form.phone, form.market);
  const ref = randomUUID().slice(0, 8).toUpperCase();
  const [existing] = await customersByPhoneHmac(await phonePseudonym(phone));
  if (existing) {
    identifyCustomer(existing);
    trackCallbackRequested(existing, form.slot);
  } else if ((form.market === 'RU' || form.market === 'KZ') && (await findLeadIdsByPhone(phone)).length === 0) {
    await createLead({ title: `Callback ${ref}`, phone, email: form.email, source: 'WEB' });
  }
  await sendSms(form.market, phone, 'CALLBACK_CONFIRM', { slot: form.slot.replace('T', ' ') });
  if (form.market === 'KZ') await legacyCallbackAlert(phone, form.slot);
  if (c.req.header('accept')?.includes('text/html')) {
    return c.redirect(`/callback/thanks?ref=${ref}&slot=${encodeURIComponent(form.slot)}`); // safe: no-pii-in-url — reference and slot only
  }
  return c.json({ ok: true, ref });
});

/** Old RU/KZ landing pages post here and show the number back on the thank-you page. */
callbackRoutes.post('/legacy', zValidator('form', CallbackForm), async (c) => {
  const { phone, market, slot } = c.req.valid('form');
  await sendSms(market, asE164(phone, market), 'CALLBACK_CONFIRM', { slot: slot.replace('T', ' ') });
  return c.redirect(`/callback/thanks?phone=${encodeURIComponent(phone)}&slot=${encodeURIComponent(slot)}`); // expect: no-pii-in-url
});

callbackRoutes.post('/now', zValidator('json', CallbackForm.pick({ phone: true, market: true })), async (c) => {
  const { phone, market } = c.req.valid('json');
  const id = randomUUID();
  const requestUuid = await placeCallback({ id, phone: asE164(phone, market), market });
  return c.json({ id, requestUuid }, 202);
});
