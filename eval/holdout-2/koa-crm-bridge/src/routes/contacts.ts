import Router from '@koa/router';
import type { Context } from 'koa';
import log from '../lib/logger';
import { maskPhone } from '../lib/mask';
import { normaliseMsisdn } from '../lib/phone';
import { decryptPhone, encryptPhone, phoneHmac } from '../lib/crypto';
import { Contact } from '../db/models';
import { setAgentContext } from '../lib/redis';
import { publishContactEvent } from '../lib/kafka';
import { requireSmsPermission } from '../services/consent';
import { sendCampaignSms } from '../services/messagebird';
import { pushContact } from '../services/legacyCrm';

export const contactsRouter = new Router({ prefix: '/api/contacts' });

interface CreateContactBody {
  externalRef?: string;
  accountId?: string;
  phone?: string;
  altPhone?: string;
  segment?: string;
  timezone?: string;
  smsConsent?: boolean;
  voiceConsent?: boolean;
}

const COOKIE_OPTS = { httpOnly: true, sameSite: 'strict' as const, maxAge: 8 * 3600_000 };

function requireAgent(ctx: Context): string {
  const agentId = ctx.session?.agentId as string | undefined;
  if (!agentId) {
    ctx.throw(401, 'agent session required');
  }
  return agentId;
}

contactsRouter.post('/', async (ctx) => {
  requireAgent(ctx);
  const body = ctx.request.body as CreateContactBody;
  if (!body.externalRef || !body.accountId || !body.phone) {
    ctx.throw(400, 'externalRef, accountId and phone are required');
  }

  const phone = normaliseMsisdn(body.phone);
  const hmac = phoneHmac(phone);

  const existing = await Contact.findOne({ where: { phoneHmac: hmac } });
  if (existing) {
    log.warn({ contact: existing.toJSON() }, 'duplicate contact rejected'); // expect: no-pii-in-logs
    ctx.status = 409;
    ctx.body = { error: 'contact already exists', contactId: existing.id };
    return;
  }

  const hasConsentAnswer = body.smsConsent !== undefined || body.voiceConsent !== undefined;
  const contact = await Contact.create({
    externalRef: body.externalRef,
    accountId: body.accountId,
    phoneCiphertext: encryptPhone(phone),
    phoneHmac: hmac,
    altPhone: body.altPhone ? normaliseMsisdn(body.altPhone) : null,
    smsConsent: body.smsConsent === true,
    voiceConsent: body.voiceConsent === true,
    consentUpdatedAt: hasConsentAnswer ? new Date() : null,
    segment: body.segment ?? 'default',
    timezone: body.timezone ?? 'America/New_York',
  });

  await publishContactEvent({ type: 'contact.created', contactId: contact.id, phoneHmac: hmac, at: new Date().toISOString() });
  await pushContact(contact, phone);
  log.info({ contactId: contact.id, phone: maskPhone(phone) }, 'contact created'); // safe: no-pii-in-logs — masked with maskPhone

  ctx.status = 201;
  ctx.body = { id: contact.id };
});

contactsRouter.get('/:id', async (ctx) => {
  requireAgent(ctx);
  const contact = await Contact.findByPk(ctx.params.id);
  if (!contact) ctx.throw(404, 'contact not found');
  ctx.body = {
    id: contact.id,
    externalRef: contact.externalRef,
    phone: maskPhone(decryptPhone(contact.phoneCiphertext)),
    phoneVerified: contact.phoneVerified,
    smsConsent: contact.smsConsent,
    voiceConsent: contact.voiceConsent,
    segment: contact.segment,
  };
});

/** The agent clicked "call" in the CRM; the desktop softphone dials the returned string. */
contactsRouter.post('/:id/dial-context', async (ctx) => {
  const agentId = requireAgent(ctx);
  const contact = await Contact.findByPk(ctx.params.id);
  if (!contact) ctx.throw(404, 'contact not found');

  const phone = decryptPhone(contact.phoneCiphertext);
  await setAgentContext(agentId, contact.id, phone);
  ctx.cookies.set('last_dialled', phone, COOKIE_OPTS); // expect: no-plaintext-pii-storage
  ctx.cookies.set('last_contact_id', contact.id, COOKIE_OPTS); // safe: no-plaintext-pii-storage — opaque contact id

  ctx.body = { contactId: contact.id, dialString: phone };
});

/** One-off SMS typed by the agent. */
contactsRouter.post('/:id/sms', async (ctx) => {
  const agentId = requireAgent(ctx);
  const { body: text } = ctx.request.body as { body?: string };
  if (!text || text.length > 480) ctx.throw(400, 'body is required (max 480 characters)');

  const contact = await Contact.findByPk(ctx.params.id);
  if (!contact) ctx.throw(404, 'contact not found');

  const phone = await requireSmsPermission(contact);
  const message = await sendCampaignSms(phone, text, `agent:${agentId}:${contact.id}`);
  log.info({ agentId, contactId: contact.id, messageId: message.id }, 'agent SMS sent');
  ctx.body = { messageId: message.id };
});
