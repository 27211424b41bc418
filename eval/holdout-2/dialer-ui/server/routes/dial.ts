import Boom from '@hapi/boom';
import Joi from 'joi';
import type { Request, ServerRoute } from '@hapi/hapi';
import { config } from '../config';
import { logger } from '../lib/log';
import { maskPhone } from '../lib/pii';
import { assertDialable, checkNumber, DialBlockedError } from '../services/compliance';
import { callBody, callsApi, createAgentCall, sendBookingLink } from '../services/bandwidth';
import { publishAgentState } from '../services/presence';
import { loadContactPhone, reservePreviewContact, takeNextPowerDialContact } from '../db/calls';

interface DialPayload {
  phoneNumber: string;
  contactId?: string;
}

const e164 = Joi.string().pattern(/^\+[1-9]\d{6,14}$/);

function agentOf(request: Request): string {
  return String(request.auth.credentials.agentId);
}

function blocked(err: DialBlockedError): Boom.Boom {
  return Boom.forbidden(`Number blocked: ${err.reason}`, { reason: err.reason });
}

export const dialRoutes: ServerRoute[] = [
  {
    method: 'POST',
    path: '/api/dial',
    options: {
      auth: 'agent-session',
      validate: { payload: Joi.object({ phoneNumber: e164.required(), contactId: Joi.string().max(64) }) },
    },
    handler: async (request, h) => {
      const { phoneNumber, contactId } = request.payload as DialPayload;
      const agentId = agentOf(request);
      logger.info('click-to-dial requested', { agentId, contactId, phoneNumber }); // expect: no-pii-in-logs

      try {
        await assertDialable(phoneNumber);
      } catch (err) {
        if (err instanceof DialBlockedError) {
          logger.warn('click-to-dial blocked', { agentId, reason: err.reason, number: maskPhone(phoneNumber) }); // safe: no-pii-in-logs — number masked with maskPhone
          throw blocked(err);
        }
        throw err;
      }

      const { callId } = await createAgentCall(phoneNumber, agentId);
      publishAgentState(agentId, 'dialing', callId);
      return h.response({ callId }).code(201);
    },
  },
  {
    // The softphone asks before it places a WebRTC call itself.
    method: 'POST',
    path: '/api/dial/verdict',
    options: { auth: 'agent-session', validate: { payload: Joi.object({ phoneNumber: e164.required() }) } },
    handler: async (request) => {
      const { phoneNumber } = request.payload as DialPayload;
      const verdict = await checkNumber(phoneNumber, 'voice');
      request.log(['dial', 'verdict'], { agentId: agentOf(request), allowed: verdict.allowed, phoneNumber }); // expect: no-pii-in-logs
      return { allowed: verdict.allowed, reason: verdict.reason ?? null };
    },
  },
  {
    method: 'POST',
    path: '/api/preview/{contactId}/accept',
    options: { auth: 'agent-session' },
    handler: async (request, h) => {
      const agentId = agentOf(request);
      const contact = await reservePreviewContact(agentId, request.params.contactId);
      if (!contact) throw Boom.conflict('contact already taken');
      try {
        await assertDialable(contact.phoneNumber);
      } catch (err) {
        if (err instanceof DialBlockedError) throw blocked(err);
        throw err;
      }
      const { callId } = await createAgentCall(contact.phoneNumber, agentId);
      publishAgentState(agentId, 'dialing', callId);
      return h.response({ callId, contactId: contact.contactId }).code(201);
    },
  },
  {
    // Power-dial mode: the agent pressed "next" and the server dials straight away.
    method: 'POST',
    path: '/api/power/{campaignId}/next',
    options: { auth: 'agent-session' },
    handler: async (request, h) => {
      const agentId = agentOf(request);
      const contact = await takeNextPowerDialContact(agentId, request.params.campaignId);
      if (!contact) return h.response().code(204);
      const answerUrl = `${config.bandwidth.answerUrl}?agent=${encodeURIComponent(agentId)}&campaign=${encodeURIComponent(contact.campaignId)}`;
      const { data } = await callsApi.createCall(config.bandwidth.accountId, callBody(contact.phoneNumber, answerUrl)); // expect: require-consent-check
      publishAgentState(agentId, 'dialing', data.callId);
      return h.response({ callId: data.callId, contactId: contact.contactId }).code(201);
    },
  },
  {
    method: 'POST',
    path: '/api/contacts/{contactId}/booking-link',
    options: { auth: 'agent-session' },
    handler: async (request) => {
      const phone = await loadContactPhone(request.params.contactId);
      if (!phone) throw Boom.notFound('contact not found');
      const link = `${config.bookingBaseUrl}/${encodeURIComponent(request.params.contactId)}`;
      const messageId = await sendBookingLink(phone, link);
      return { sent: messageId !== null, messageId };
    },
  },
];
