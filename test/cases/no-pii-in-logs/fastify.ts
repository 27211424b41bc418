// Fastify service for jambonz: the call webhook answers with a verb list, request.log records what happened.
import Fastify from 'fastify';
import { WebhookResponse } from '@jambonz/node-client';
import { maskPhone, redactName } from '@acme/pii';

interface JambonzCallBody {
  call_sid: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  caller_name?: string;
  sip_status?: number;
}

interface QueueStats {
  waiting: number;
  longestWaitSec: number;
}

const fastify = Fastify({ logger: { level: 'info' } });

fastify.post<{ Body: JambonzCallBody }>('/jambonz/call', async (request, reply) => {
  const { call_sid, from, to } = request.body;

  request.log.info({ callSid: call_sid }, 'new call'); // safe: call SID
  request.log.info({ from, to }, 'new call'); // $ Alert[no-pii-in-logs]
  request.log.info({ from: maskPhone(from), to: maskPhone(to) }, 'new call'); // safe: masked
  request.log.info(`caller id name ${request.body.caller_name}`); // $ Alert[no-pii-in-logs]
  request.log.info(`caller id name ${redactName(request.body.caller_name ?? '')}`); // safe: redacted
  request.log.debug({ direction: request.body.direction }, 'direction'); // safe: not PII

  const app = new WebhookResponse();
  app.say({ text: 'Please hold while we connect you.' }).dial({ target: [{ type: 'user', name: 'queue@acme.example' }] });
  reply.send(app);
});

fastify.post<{ Body: JambonzCallBody }>('/jambonz/status', async (request, reply) => {
  const body = request.body;
  if (body.sip_status && body.sip_status >= 400) {
    reply.log.warn(`call to ${body.to} failed with ${body.sip_status}`); // $ Alert[no-pii-in-logs]
    reply.log.warn(`call ${body.call_sid} failed with ${body.sip_status}`); // safe: SID and status code
  }
  reply.code(204).send();
});

fastify.get('/queue/stats', async (request) => {
  const stats: QueueStats = { waiting: 4, longestWaitSec: 92 };
  request.log.info(stats, 'queue stats'); // safe: numbers
  return stats;
});

fastify.addHook('onError', async (request, _reply, error) => {
  request.log.error({ err: error, url: request.routeOptions.url }, 'request failed'); // safe: error and route
  // The hook's request is untyped: nothing tells the engine this body is a telephony webhook.
  request.log.error({ err: error, body: request.body }, 'request failed'); // $ MISSING: Alert[no-pii-in-logs]
});

await fastify.listen({ port: 3000, host: '127.0.0.1' });
fastify.log.info('jambonz webhook listening'); // safe: constant
