// Voice and SMS webhooks: PII crosses file boundaries into helpers that log, and back from helpers that return it.
import express from 'express';
import twilio from 'twilio';
import winston from 'winston';
import { auditCount, auditEvent, auditEventShape, auditMasked, auditRef, auditTrail, formatAuditLine } from './flow-cross-audit.js';
import { callRefOf, contextOf, displayOriginOf, isGenuine, originLength, originOf, resolveReplyTarget } from './flow-cross-origin.js';

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/inbound', (req, res) => {
  // Into helpers in flow-cross-audit.ts:
  auditTrail('inbound', req.body.From); // the finding is at the sink in flow-cross-audit.ts
  auditRef('inbound', req.body.CallSid);
  auditMasked('inbound', req.body.From);
  auditCount('inbound', 1);
  auditEvent({ kind: 'inbound', caller: req.body.From });
  auditEventShape({ kind: 'inbound', caller: req.body.From });

  // Back from helpers in flow-cross-origin.ts:
  const origin = originOf(req);
  logger.info(`inbound from ${origin}`); // $ Alert[no-pii-in-logs]
  logger.info(`inbound call ${callRefOf(req)}`); // safe: SID
  logger.info(`inbound from ${displayOriginOf(req)}`); // safe: masked in the helper
  logger.info('inbound context', contextOf(req)); // $ Alert[no-pii-in-logs]
  logger.info('inbound context sid', contextOf(req).callSid); // safe: the SID property only
  logger.info('signature valid', isGenuine(req, 'https://voice.acme.example/voice/inbound')); // safe: boolean
  logger.info('origin digits', originLength(req)); // safe: a number
  logger.info(formatAuditLine('inbound', req.body.From)); // $ Alert[no-pii-in-logs]
  logger.info(formatAuditLine('inbound', req.body.CallSid)); // safe: SID through the same helper

  res.type('text/xml').send(new twilio.twiml.VoiceResponse().toString());
});

app.post('/sms/inbound', async (req, res) => {
  const target = await resolveReplyTarget(req);
  logger.info(`sms reply goes to ${target}`); // $ Alert[no-pii-in-logs]
  logger.info(`sms reply queued for ${callRefOf(req)}`); // safe: SID
  res.type('text/xml').send(new twilio.twiml.MessagingResponse().toString());
});
