import { Router, type Response } from 'express';
import { logger } from '../lib/logger.js';
import { VoiceResponse } from '../lib/twilio.js';
import { createCallbackRequest, findAccountByCallerId } from '../storage/repositories.js';
import { loadIvrSession, saveIvrSession } from '../storage/session-cache.js';
import type { AccountSummary } from '../types.js';

const MAX_FAILED_ATTEMPTS = 3;

type TwiML = InstanceType<typeof VoiceResponse>;

export function sendTwiml(res: Response, twiml: TwiML): void {
  res.type('text/xml').send(twiml.toString());
}

/** Top-level menu. Known callers get the payment option; unknown callers go to an agent. */
export function mainMenu(account: AccountSummary | null): TwiML {
  const twiml = new VoiceResponse();
  const gather = twiml.gather({ input: ['dtmf'], numDigits: 1, timeout: 6, action: '/ivr/menu', method: 'POST' });
  if (account) {
    gather.say(
      { voice: 'Polly.Joanna' },
      'Welcome back to Northwind. For billing questions, press 1. To pay your balance by card, press 2. To request a callback, press 3.',
    );
  } else {
    gather.say({ voice: 'Polly.Joanna' }, 'Welcome to Northwind. To speak with an agent, press 1. To request a callback, press 3.');
  }
  twiml.redirect('/ivr/menu/repeat');
  return twiml;
}

export const ivrRoutes = Router();

ivrRoutes.post('/ivr/menu', async (req, res) => {
  const callSid: string = req.body.CallSid;
  const choice: string = req.body.Digits ?? '';
  const session = await loadIvrSession(callSid);
  const twiml = new VoiceResponse();
  if (!session) {
    twiml.redirect('/twilio/voice/inbound');
    return sendTwiml(res, twiml);
  }

  switch (choice) {
    case '1': {
      const queue = session.accountId ? 'billing' : 'general';
      logger.info('ivr: transfer to agents', { callSid, queue, accountId: session.accountId });
      await saveIvrSession({ ...session, step: 'billing' });
      twiml.redirect(`/twilio/voice/connect-agent?queue=${queue}`);
      break;
    }
    case '2': {
      if (!session.accountId || !session.amountDueCents) {
        twiml.say('We could not find a balance for the number you are calling from. Connecting you to an agent.');
        twiml.redirect('/twilio/voice/connect-agent?queue=general');
        break;
      }
      await saveIvrSession({ ...session, step: 'payment' });
      twiml.redirect('/ivr/pay/start');
      break;
    }
    case '3': {
      const callbackRequestId = await createCallbackRequest(session.callerId, session.accountId, session.accountId ? 'billing' : 'general');
      logger.info('ivr: callback requested', { callSid, callbackRequestId });
      await saveIvrSession({ ...session, step: 'callback' });
      twiml.say('Thank you. An agent will call you back within one business day. Goodbye.');
      twiml.hangup();
      break;
    }
    default: {
      const failedAttempts = session.failedAttempts + 1;
      if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
        twiml.redirect('/twilio/voice/connect-agent?queue=general');
        break;
      }
      await saveIvrSession({ ...session, failedAttempts });
      twiml.say('Sorry, that is not a valid choice.');
      twiml.redirect('/ivr/menu/repeat');
    }
  }
  return sendTwiml(res, twiml);
});

ivrRoutes.post('/ivr/menu/repeat', async (req, res) => {
  const session = await loadIvrSession(req.body.CallSid);
  if (!session) {
    const twiml = new VoiceResponse();
    twiml.redirect('/twilio/voice/inbound');
    return sendTwiml(res, twiml);
  }
  const account = await findAccountByCallerId(session.callerId);
  return sendTwiml(res, mainMenu(account));
});
