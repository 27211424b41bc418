// Call-routing service logging with pino; redact paths keep the caller's number out of log lines.
import pino from 'pino';
import twilio from 'twilio';
import type { FastifyRequest } from 'fastify';

interface Lead {
  id: string;
  phone: string;
  campaignId: string;
}

interface TwilioVoiceBody {
  CallSid: string;
  From: string;
  To: string;
}

// Redacts `phone` at the top level, `lead.phone`, everything under `caller` and any `msisdn` one level down.
const logger = pino({ redact: ['phone', 'lead.phone', 'caller.*', '*.msisdn'] });
// Object form, replacing the numbers with a fixed marker.
const callLogger = pino({ redact: { paths: ['from', 'to'], censor: '[PHONE]' } });
// No redaction at all.
const plainLogger = pino({ level: 'debug' });

export async function routeInbound(request: FastifyRequest<{ Body: TwilioVoiceBody }>, lead: Lead): Promise<string> {
  const { CallSid, From, To } = request.body;

  callLogger.info({ from: From, to: To, callSid: CallSid }, 'inbound call'); // safe: from/to are redacted paths
  callLogger.info({ caller: From, callSid: CallSid }, 'inbound call'); // $ Alert[no-pii-in-logs]
  callLogger.info(`inbound call from ${From}`); // $ Alert[no-pii-in-logs]
  plainLogger.debug({ from: From }, 'inbound call'); // $ Alert[no-pii-in-logs]
  plainLogger.debug({ callSid: CallSid }, 'inbound call'); // safe: call SID only

  logger.info({ phone: lead.phone, leadId: lead.id }, 'matched lead'); // safe: `phone` is redacted
  logger.info({ lead }, 'matched lead'); // safe: `lead.phone` is redacted
  logger.info(lead, 'matched lead'); // safe: merged at top level, `phone` is redacted
  logger.info({ contact: lead.phone }, 'matched lead'); // $ Alert[no-pii-in-logs]
  logger.info({ caller: { number: From, carrier: 'unknown' } }, 'caller details'); // safe: `caller.*` is redacted
  logger.info({ sip: { msisdn: From } }, 'sip leg'); // safe: `*.msisdn` is redacted

  const agentId = await pickAgent(lead.campaignId);
  logger.info({ agentId, campaignId: lead.campaignId }, 'routing to agent'); // safe: identifiers
  return agentId;
}

export function logQueueSnapshot(leads: Lead[]): void {
  // `lead.phone` does not cover `leads[0].phone`.
  logger.debug({ leads }, 'queue snapshot'); // $ Alert[no-pii-in-logs]
  logger.debug({ count: leads.length }, 'queue snapshot'); // safe: a count
}

export function bindCallLogger(body: TwilioVoiceBody): pino.Logger {
  // Child bindings are written on every later line of the child logger.
  const child = plainLogger.child({ callSid: body.CallSid }); // safe: call SID only
  child.info('call bound to logger'); // safe: constant message
  return plainLogger.child({ caller: body.From }); // $ Alert[no-pii-in-logs]
}

async function pickAgent(campaignId: string): Promise<string> {
  const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
  const workers = await client.taskrouter.v1.workspaces(campaignId).workers.list({ available: 'true' });
  return workers[0]?.sid ?? 'queue';
}
