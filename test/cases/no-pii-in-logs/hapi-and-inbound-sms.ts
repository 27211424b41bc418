// Agent API on hapi with inbound-SMS webhooks (Pinpoint over SNS, MessageBird over koa-router), and CRM
// lookups whose names say what they return.
import Router from '@koa/router';
import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import pino from 'pino';

const logger = pino({ name: 'agent-api' });

interface VoiceEvent {
  callId: string;
  from: string;
  to: string;
  direction: 'inbound' | 'outbound';
}

interface InboundSms {
  originationNumber: string;
  destinationNumber: string;
  messageBody: string;
  inboundMessageId: string;
}

/** The record the CRM keeps: the number only as ciphertext and a keyed hash. */
interface CustomerRecord {
  customerId: string;
  phoneEnc: string;
  phoneHmac: string;
  tier: 'standard' | 'gold';
}

declare function maskPhone(phone: string): string;
declare const crm: { query(table: string, key: string): Promise<unknown[]> };
declare function lookupLeadByPhone(phone: string): Promise<unknown>;
declare function loadCampaignByCode(code: string): Promise<unknown>;

// ---- hapi: request.log(tags, data), and route objects under a telephony path ------------------

export const routes: ServerRoute[] = [
  {
    method: 'POST',
    path: '/bandwidth/voice/disconnect',
    handler: async (request: Request, h: ResponseToolkit) => {
      const { callId, from, to, direction } = request.payload as VoiceEvent;
      const remoteNumber = direction === 'inbound' ? from : to;
      request.log(['call', 'ended'], { callId, remoteNumber }); // $ Alert[no-pii-in-logs]
      request.log(['call', 'ended'], { callId, direction }); // safe: no number in the data
      request.log(['call', remoteNumber.slice(-4)], { callId }); // safe: the tags are labels, and only the last four digits
      logger.info(`call ${callId} from ${from} ended`); // $ Alert[no-pii-in-logs]
      logger.info(`call ${callId} from ${maskPhone(from)} ended`); // safe: masked
      return h.response().code(204);
    },
  },
  {
    method: 'GET',
    path: '/reports/daily',
    options: {
      handler: (request: Request) => {
        const { from, to } = request.query as { from: string; to: string };
        logger.info(`daily report from ${from} to ${to}`); // safe: a reporting route, where from/to are dates
        return { from, to };
      },
    },
  },
];

// ---- Pinpoint inbound SMS (SNS notification) ---------------------------------------------------

export async function onInboundSms(message: string): Promise<void> {
  const sms = JSON.parse(message) as InboundSms;
  const { originationNumber, inboundMessageId } = sms;
  logger.debug('inbound SMS', { inboundMessageId, originationNumber }); // $ Alert[no-pii-in-logs]
  logger.debug('inbound SMS', { inboundMessageId, from: maskPhone(originationNumber) }); // safe: masked
  logger.debug('inbound SMS', { inboundMessageId, length: sms.messageBody.length }); // safe: a length
}

// ---- MessageBird webhooks on a koa router mounted under /webhooks/messagebird ------------------

const webhooks = new Router({ prefix: '/webhooks/messagebird' });
const admin = new Router({ prefix: '/admin/reports' });

webhooks.post('/inbound', async (ctx) => {
  const { originator, id: messageId } = ctx.request.body as { originator: string; id: string };
  logger.info({ originator, messageId }, 'inbound SMS'); // $ Alert[no-pii-in-logs]
  logger.info({ messageId }, 'inbound SMS'); // safe: only the message id
});

webhooks.get('/status', async (ctx) => {
  const { recipient, status } = ctx.query as { recipient: string; status: string };
  logger.info({ recipient, status }, 'delivery report'); // $ Alert[no-pii-in-logs]
  logger.info({ recipient: maskPhone(recipient), status }, 'delivery report'); // safe: masked
});

admin.post('/mail', async (ctx) => {
  // Outside telephony code `originator` and `recipient` are the report's author and its mail recipient.
  const { originator, recipient } = ctx.request.body as { originator: string; recipient: string };
  logger.info({ originator, recipient }, 'report mailed'); // safe: not telephony code
});

// ---- lookups named after their key --------------------------------------------------------------

async function findCustomerByPhone(phone: string): Promise<CustomerRecord | undefined> {
  const [row] = await crm.query('customers', phone);
  return row as CustomerRecord | undefined;
}

export async function screenPop(phone: string): Promise<void> {
  const customer = await findCustomerByPhone(phone);
  logger.info('customer matched', { customer }); // safe: CustomerRecord holds only ciphertext and a keyed hash
  const lead = await lookupLeadByPhone(phone);
  logger.info('lead matched', { lead }); // $ Alert[no-pii-in-logs]
  const campaign = await loadCampaignByCode('SPRING');
  logger.info('campaign', { campaign }); // safe: a campaign looked up by its code
}

// ---- plain copies of ORM records ----------------------------------------------------------------

interface LeadRow {
  id: string;
  phone: string;
  toJSON(): Record<string, unknown>;
}

interface CampaignRow {
  id: string;
  name: string;
  toObject(): Record<string, unknown>;
}

export function auditRecords(lead: LeadRow, campaign: CampaignRow): void {
  logger.info({ lead: lead.toJSON() }, 'lead updated'); // $ Alert[no-pii-in-logs]
  logger.info({ campaign: campaign.toObject() }, 'campaign updated'); // safe: a campaign row has no PII field
  logger.info({ leadId: lead.id }, 'lead updated'); // safe: only the id
}

// ---- records an ORM returns, typed by the ORM's generics (no annotation at the variable) ---------

declare class OrmModel<T> {
  toJSON(): T;
}
interface ContactAttributes {
  id: string;
  phoneHmac: string;
  altPhone: string | null;
}
interface ContactInstance extends OrmModel<ContactAttributes>, ContactAttributes {}
interface CampaignAttributes {
  id: string;
  segment: string;
}
interface CampaignInstance extends OrmModel<CampaignAttributes>, CampaignAttributes {}
declare const Contacts: { findOne(options: object): Promise<ContactInstance | null> };
declare const Campaigns: { findOne(options: object): Promise<CampaignInstance | null> };

export async function rejectDuplicate(phoneHmac: string): Promise<void> {
  const existing = await Contacts.findOne({ where: { phoneHmac } });
  if (!existing) return;
  logger.warn({ contact: existing.toJSON() }, 'duplicate contact rejected'); // $ Alert[no-pii-in-logs]
  logger.warn({ existing }, 'duplicate contact rejected'); // $ Alert[no-pii-in-logs]
  logger.warn({ contactId: existing.id }, 'duplicate contact rejected'); // safe: only the id
  const campaign = await Campaigns.findOne({ where: { id: 'spring' } });
  logger.warn({ campaign }, 'campaign loaded'); // safe: a campaign record has no PII field
}
