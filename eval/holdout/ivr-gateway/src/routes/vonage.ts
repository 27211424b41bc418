import { Router, type Request, type Response } from 'express';
import { Caller } from '../models/Caller';
import { luhnValid, normaliseMsisdn, tokenize } from '../lib/fieldCrypto';
import { loadIvrState, rememberCallbackNumber, saveIvrState } from '../services/sessionStore';
import { scheduleCallback, sendSurvey } from '../services/callbacks';

/* eslint-disable @typescript-eslint/no-var-requires */
const CallRecord = require('../models/CallRecord');
const { archiveRecording } = require('../services/recordings');
const { lookupCaller, pushCallActivity } = require('../services/crmSync');
const { logger } = require('../lib/logger');
const config = require('../config');
/* eslint-enable @typescript-eslint/no-var-requires */

export const vonageRouter = Router();

const GREETINGS: Record<string, string> = {
  en: 'Welcome to Acme. For billing press 1. To speak to an agent press 2. To request a call back press 3.',
  es: 'Bienvenido a Acme. Para facturación oprima 1. Para hablar con un agente oprima 2. Para que le llamemos oprima 3.',
  fr: 'Bienvenue chez Acme. Pour la facturation tapez 1. Pour un conseiller tapez 2. Pour être rappelé tapez 3.',
};

const input = (path: string, maxDigits = 1, submitOnHash = false) => ({
  action: 'input',
  type: ['dtmf'],
  dtmf: { maxDigits, submitOnHash, timeOut: 8 },
  eventUrl: [`${config.publicUrl}${path}`],
});

// Answer URL (GET): first thing Vonage asks for on every inbound call
vonageRouter.get('/answer', async (req: Request, res: Response) => {
  const { from, to, uuid, conversation_uuid: conversationUuid } = req.query as Record<string, string>;
  logger.info(`answer ${uuid}: inbound from ${from}`); // expect: no-pii-in-logs

  const caller = await Caller.findOneAndUpdate(
    { msisdn: from },
    { $set: { lastCallAt: new Date() }, $inc: { callCount: 1 } },
    { upsert: true, new: true },
  );
  await saveIvrState(uuid, { step: 'main-menu', callerId: caller.id, lang: caller.preferredLanguage ?? 'en' });
  await CallRecord.create({ provider: 'vonage', conversationUuid, callUuid: uuid, direction: 'inbound', callerNumber: from, serviceNumber: to, startedAt: new Date() });

  if (!caller.crmId) {
    const crmContact = await lookupCaller(from);
    if (crmContact) await Caller.updateOne({ _id: caller._id }, { $set: { crmId: crmContact.id, displayName: crmContact.name } });
  }

  res.json([
    { action: 'talk', text: GREETINGS[caller.preferredLanguage ?? 'en'], bargeIn: true },
    input('/vonage/menu'),
  ]);
});

vonageRouter.post('/menu', async (req: Request, res: Response) => {
  const { uuid, dtmf } = req.body;
  const state = await loadIvrState(uuid);
  const choice = String(dtmf?.digits ?? '');
  const menuPath = [...(state.menuPath ?? []), choice];

  switch (choice) {
    case '1':
      await saveIvrState(uuid, { ...state, step: 'collect-card', menuPath });
      return res.json([
        { action: 'talk', text: 'Please enter your card number, followed by the hash key.' },
        input('/vonage/card', 19, true),
      ]);
    case '2':
      await saveIvrState(uuid, { ...state, step: 'queue', menuPath });
      return res.json([
        { action: 'talk', text: 'Connecting you to the next available agent.' },
        {
          action: 'connect',
          from: config.vonage.lvn,
          endpoint: [{ type: 'sip', uri: 'sips:support-queue@pbx.acme-example.com;transport=tls' }], // safe: no-plaintext-transport — sips over TLS
        },
      ]);
    case '3':
      await saveIvrState(uuid, { ...state, step: 'collect-callback', menuPath });
      return res.json([
        { action: 'talk', text: 'Enter the ten digit number we should call you back on, followed by the hash key.' },
        input('/vonage/callback-digits', 11, true),
      ]);
    default: {
      const retries = (state.retries ?? 0) + 1;
      await saveIvrState(uuid, { ...state, retries });
      if (retries >= 3) return res.json([{ action: 'talk', text: 'Sorry, we did not get that. Goodbye.' }]);
      return res.json([{ action: 'talk', text: GREETINGS[state.lang ?? 'en'] }, input('/vonage/menu')]);
    }
  }
});

vonageRouter.post('/card', async (req: Request, res: Response) => {
  const { uuid, dtmf } = req.body;
  const cardNumber = String(dtmf?.digits ?? '');

  if (!luhnValid(cardNumber)) {
    logger.warn('card entry failed Luhn check', { uuid, cardNumber }); // expect: no-pii-in-logs
    return res.json([{ action: 'talk', text: 'That card number was not valid.' }, input('/vonage/card', 19, true)]);
  }

  const state = await loadIvrState(uuid);
  const cardToken = await tokenize('pan', cardNumber);
  await Caller.updateOne({ _id: state.callerId }, { $set: { cardToken, cardLast4: cardNumber.slice(-4) } }); // safe: no-plaintext-pii-storage — vault token + last four
  logger.info('card tokenised', { uuid, last4: cardNumber.slice(-4) }); // safe: no-pii-in-logs — last four digits only (PCI DSS 3.4 allows)

  await saveIvrState(uuid, { ...state, step: 'done' });
  res.json([{ action: 'talk', text: 'Thank you. Your card has been saved for this payment. Goodbye.' }]);
});

vonageRouter.post('/callback-digits', async (req: Request, res: Response) => {
  const { uuid, dtmf } = req.body;
  const callbackNumber = normaliseMsisdn(dtmf?.digits);
  if (!callbackNumber) {
    return res.json([{ action: 'talk', text: 'Sorry, that number did not look right.' }, input('/vonage/callback-digits', 11, true)]);
  }
  await rememberCallbackNumber(uuid, callbackNumber);
  await scheduleCallback({ callbackNumber, queue: 'billing', source: 'ivr' });
  await CallRecord.updateOne({ callUuid: uuid }, { $set: { disposition: 'callback' } });
  res.json([{ action: 'talk', text: 'Thanks. An agent will call you back within the next hour. Goodbye.' }]);
});

// Event URL: status changes for every leg
vonageRouter.post('/event', async (req: Request, res: Response) => {
  const { status, uuid, conversation_uuid: conversationUuid, from, to, duration, direction } = req.body;
  logger.info('call event', { uuid, status, from, to }); // safe: no-pii-in-logs — winston scrub format masks the from/to keys (lib/logger.js)
  res.sendStatus(204);

  if (status !== 'completed') return;
  const record = await CallRecord.findOneAndUpdate(
    { callUuid: uuid },
    { $set: { durationSec: Number(duration ?? 0), endedAt: new Date() } },
    { new: true },
  ).lean();
  if (!record) return;

  const caller = await Caller.findOne({ msisdn: record.callerNumber }).lean();
  if (caller?.crmId) await pushCallActivity(record, caller).catch(() => undefined);
  if (direction === 'inbound' && record.disposition !== 'abandoned') {
    await sendSurvey(from, conversationUuid);
  }
});

vonageRouter.post('/recording', async (req: Request, res: Response) => {
  const { recording_url: recordingUrl, conversation_uuid: conversationUuid } = req.body;
  res.sendStatus(204);
  try {
    await archiveRecording({ recordingUrl, conversationUuid });
  } catch (err) {
    logger.error(`recording archive failed for ${conversationUuid}: ${(err as Error).message}`); // safe: no-pii-in-logs — conversation id
  }
});

vonageRouter.get('/callback-answer', (req: Request, res: Response) => {
  const queue = req.query.queue === 'support' ? 'support' : 'billing';
  res.json([
    { action: 'talk', text: 'Hello, this is Acme returning your call. Please hold for an agent.' },
    { action: 'connect', from: config.vonage.lvn, endpoint: [{ type: 'sip', uri: `sips:${queue}-queue@pbx.acme-example.com;transport=tls` }] }, // safe: no-plaintext-transport — sips over TLS
  ]);
});
