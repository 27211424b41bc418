import { Router, type Request, type Response } from 'express';
import { WebhookResponse } from '@jambonz/node-client';
import { Caller } from '../models/Caller';
import { callBackAbandoned } from '../services/callbacks';

/* eslint-disable @typescript-eslint/no-var-requires */
const CallRecord = require('../models/CallRecord');
const { logger, maskMsisdn } = require('../lib/logger');
/* eslint-enable @typescript-eslint/no-var-requires */

/**
 * jambonz handles the Spanish-language DID and the overflow trunk; its
 * webhooks land here. Agents sit behind the on-prem SBC.
 */
export const jambonzRouter = Router();

const SUPPORT_QUEUE_URI = 'sip:support-queue@10.20.0.15:5060;transport=udp'; // expect: no-plaintext-transport
const BILLING_QUEUE_URI = 'sips:billing-queue@sbc.acme-example.com:5061'; // safe: no-plaintext-transport — sips

jambonzRouter.post('/call', async (req: Request, res: Response) => {
  const { call_sid: callSid, from, to, caller_name: callerName, direction } = req.body;
  logger.info(`jambonz ${direction} ${callSid}: ${callerName} <${from}>`); // expect: no-pii-in-logs

  const caller = await Caller.findOne({ msisdn: from }, { preferredLanguage: 1, accountRef: 1 }).lean();
  await CallRecord.create({ provider: 'jambonz', callUuid: callSid, direction: 'inbound', callerNumber: from, serviceNumber: to, startedAt: new Date() });

  const app = new WebhookResponse();
  app
    .say({ text: caller?.accountRef ? 'Bienvenido de nuevo a Acme.' : 'Bienvenido a Acme.', synthesizer: { vendor: 'google', language: 'es-US' } })
    .gather({ input: ['digits'], numDigits: 1, actionHook: '/jambonz/menu', timeout: 8, say: { text: 'Para facturación oprima 1. Para soporte oprima 2.' } });
  res.status(200).json(app);
});

jambonzRouter.post('/menu', (req: Request, res: Response) => {
  const { digits, call_sid: callSid } = req.body;
  const target = digits === '1' ? BILLING_QUEUE_URI : SUPPORT_QUEUE_URI;
  logger.debug(`jambonz ${callSid} menu choice ${digits}`); // safe: no-pii-in-logs — call id and a menu digit

  const app = new WebhookResponse();
  app.dial({
    answerOnBridge: true,
    timeLimit: 3600,
    target: [{ type: 'sip', sipUri: target }],
    actionHook: '/jambonz/dial-complete',
  });
  res.status(200).json(app);
});

jambonzRouter.post('/status', async (req: Request, res: Response) => {
  const { call_sid: callSid, call_status: callStatus, from, sip_status: sipStatus, duration } = req.body;
  res.sendStatus(200);
  if (callStatus !== 'completed') return;

  // 487 = caller hung up while we were still ringing / queueing
  const abandoned = Number(sipStatus) === 487;
  await CallRecord.updateOne(
    { callUuid: callSid },
    { $set: { endedAt: new Date(), durationSec: Number(duration ?? 0), ...(abandoned ? { disposition: 'abandoned' } : {}) } },
  );
  if (abandoned) {
    logger.info(`abandoned call ${callSid} from ${maskMsisdn(from)}, scheduling ring-back`); // safe: no-pii-in-logs — masked with maskMsisdn
    await callBackAbandoned(from, 'support');
  }
});

jambonzRouter.post('/dial-complete', (req: Request, res: Response) => {
  const { call_sid: callSid, dial_call_status: dialStatus } = req.body;
  logger.info(`jambonz ${callSid} dial finished: ${dialStatus}`); // safe: no-pii-in-logs — call id and status
  res.status(200).json(new WebhookResponse().hangup());
});
