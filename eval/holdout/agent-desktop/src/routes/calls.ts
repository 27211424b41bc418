import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import Telnyx from 'telnyx';
import { z } from 'zod';
import { config } from '../config/index.js';
import { dncVerdict, guardNumber } from '../lib/compliance.js';
import { obfuscate, openPii } from '../lib/privacy.js';
import { originateClickToDial } from '../telephony/esl.js';
import { courtesyCallback, previewDial } from '../telephony/ari.js';
import {
  db,
  findCustomerByPhone,
  prisma,
  recordIdVerification,
  saveWrapUp,
} from '../repositories/interactions.js';

const telnyx = new Telnyx(config.TELNYX_API_KEY);

const Uuid = z.string().uuid();
const PhoneInput = z.string().regex(/^\+?[0-9()\-\s.]{7,20}$/);

export default async function callsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.authenticate);

  r.post('/dialable', { schema: { body: z.object({ number: PhoneInput, channel: z.enum(['voice', 'sms']).default('voice') }) } }, async (request) => {
    const { number, channel } = request.body;
    return dncVerdict(number, channel);
  });

  r.post('/click-to-dial', { schema: { body: z.object({ customerId: Uuid.optional(), number: PhoneInput }) } }, async (request) => {
    const { customerId, number } = request.body;
    const agent = request.user;
    await guardNumber(number, 'voice');
    const uuid = await originateClickToDial(app.esl, agent.extension, number, randomUUID());
    request.log.info({ agentId: agent.id, customerId, uuid }, 'click-to-dial'); // safe: no-pii-in-logs — ids only
    return { uuid };
  });

  // "Missed calls" panel: agent picks one and rings the customer back
  r.post('/missed/:callbackId/dial', { schema: { params: z.object({ callbackId: z.coerce.number().int() }) } }, async (request, reply) => {
    const row = await db('callbacks').where({ id: request.params.callbackId }).first();
    if (!row) return reply.code(404).send({ error: 'unknown callback' });
    const number = await openPii(row.phone_enc);
    await guardNumber(number, 'voice');
    const uuid = await originateClickToDial(app.esl, request.user.extension, number, randomUUID());
    await db('callbacks').where({ id: row.id }).update({ dialled_at: db.fn.now(), agent_id: request.user.id });
    return { uuid };
  });

  r.post('/preview/:customerId', { schema: { params: z.object({ customerId: Uuid }) } }, async (request) => {
    const customer = await prisma.customer.findUniqueOrThrow({ where: { id: request.params.customerId } });
    const phones = await db('customer_phones').where({ customer_id: customer.id }).first();
    const channelId = await previewDial(
      app.ari,
      { id: customer.id, phone: await openPii(phones.phone_enc), mobile: phones.mobile_enc ? await openPii(phones.mobile_enc) : null, preferMobile: phones.prefer_mobile },
      `PJSIP/${request.user.extension}`,
    );
    return { channelId };
  });

  r.post('/courtesy', { schema: { body: z.object({ number: PhoneInput, queue: z.string() }) } }, async (request) => {
    const placed = await courtesyCallback(app.ari, request.body.number, request.body.queue);
    return { placed };
  });

  r.get('/screen-pop/:channelUuid', { schema: { params: z.object({ channelUuid: z.string() }) } }, async (request) => {
    const interaction = await prisma.interaction.findUniqueOrThrow({
      where: { channelUuid: request.params.channelUuid },
      include: { customer: true },
    });
    const callerNumber = interaction.callerNumberEnc ? await openPii(interaction.callerNumberEnc) : (interaction.callerNumber ?? '');
    request.log.info({ callerNumber, channelUuid: interaction.channelUuid }, 'screen pop'); // safe: no-pii-in-logs — callerNumber is a pino redact path (server.ts)

    const customer = interaction.customer ?? (await findCustomerByPhone(callerNumber));
    request.log.debug({ customer }, 'screen pop customer'); // expect: no-pii-in-logs
    return {
      caller: obfuscate(callerNumber),
      customer: customer && {
        id: customer.id,
        name: `${customer.firstName} ${customer.lastName}`,
        idVerified: customer.idVerified,
      },
    };
  });

  r.post('/verify-identity', { schema: { body: z.object({ customerId: Uuid, nationalId: z.string().min(6).max(20), lastName: z.string() }) } }, async (request) => {
    const { customerId, nationalId, lastName } = request.body;
    const customer = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } });
    const passed = customer.lastName.toLowerCase() === lastName.toLowerCase() && (!customer.nationalId || customer.nationalId === nationalId);
    await recordIdVerification(customerId, nationalId, passed);
    request.log.info({ customerId, idVerified: passed, agentId: request.user.id }, 'identity check'); // safe: no-pii-in-logs — ids and a boolean
    return { passed };
  });

  r.post('/:channelUuid/wrap-up', {
    schema: {
      params: z.object({ channelUuid: z.string() }),
      body: z.object({
        disposition: z.enum(['resolved', 'escalated', 'callback', 'wrong_number', 'no_action']),
        notes: z.string().max(2000).optional(),
        customerPhone: PhoneInput.optional(),
        callbackAt: z.coerce.date().optional(),
      }),
    },
  }, async (request, reply) => {
    await saveWrapUp({ channelUuid: request.params.channelUuid, agentId: request.user.id, ...request.body });
    request.log.info({ channelUuid: request.params.channelUuid, disposition: request.body.disposition }, 'wrap-up saved'); // safe: no-pii-in-logs — disposition only
    return reply.code(204).send();
  });

  r.post('/:channelUuid/sms/payment-link', { schema: { body: z.object({ to: PhoneInput, invoiceId: z.string() }) } }, async (request) => {
    const { to, invoiceId } = request.body;
    await guardNumber(to, 'sms');
    const link = `https://pay.acme-example.com/i/${encodeURIComponent(invoiceId)}`;
    const msg = await telnyx.messages.create({ from: config.TELNYX_FROM, to, text: `Acme: pay invoice ${invoiceId} securely at ${link}` }); // safe: require-consent-check — guardNumber(to) throws first
    return { id: msg.data?.id };
  });

  r.post('/:channelUuid/sms/directions', { schema: { body: z.object({ to: PhoneInput, branch: z.string() }) } }, async (request) => {
    const { to, branch } = request.body;
    const b = await db('branches').where({ code: branch }).first();
    const msg = await telnyx.messages.create({ from: config.TELNYX_FROM, to, text: `Acme ${b.name}: ${b.address}. Open ${b.hours}.` }); // expect: require-consent-check
    return { id: msg.data?.id };
  });

  r.post('/agent/session', async (request) => {
    const { id, extension, phoneModel } = request.user;
    request.log.info({ agentId: id, extension, phoneModel }, 'agent signed in to desk'); // safe: no-pii-in-logs — agent id, extension, desk phone model
    return { id, extension };
  });
}
