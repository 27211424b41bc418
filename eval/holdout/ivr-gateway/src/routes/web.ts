import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { normaliseMsisdn } from '../lib/fieldCrypto';
import { recordMarketingConsent } from '../services/dnc';
import { agentCallback, agentDialOut, scheduleCallback, sendWinBackOffer, type Queue } from '../services/callbacks';

/* eslint-disable @typescript-eslint/no-var-requires */
const { shareWithQaVendor } = require('../services/recordings');
const { logger, maskMsisdn } = require('../lib/logger');
/* eslint-enable @typescript-eslint/no-var-requires */

export const webRouter = Router();

const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;

function requireAgent(req: Request, res: Response, next: NextFunction): void {
  if (!req.session?.agentId) {
    res.status(401).json({ error: 'not signed in' });
    return;
  }
  next();
}

/** Public "call me back" form on acme-example.com/support. */
webRouter.post('/callback-request', express.urlencoded({ extended: false }), async (req: Request, res: Response) => {
  const { phone, queue, preferredTime, marketingOptIn } = req.body as {
    phone?: string;
    queue?: Queue;
    preferredTime?: string;
    marketingOptIn?: 'on';
  };
  const callbackNumber = normaliseMsisdn(phone);
  if (!callbackNumber) {
    return res.status(400).render('callback', { error: 'Please enter a valid US phone number.' });
  }

  await scheduleCallback({
    callbackNumber,
    queue: queue === 'support' ? 'support' : 'billing',
    notBefore: preferredTime ? new Date(preferredTime) : undefined,
    source: 'web',
  });
  if (marketingOptIn === 'on') await recordMarketingConsent(callbackNumber, 'web-form');

  // pre-fill the form next time
  res.cookie('cb_phone', callbackNumber, { maxAge: THIRTY_DAYS_MS, httpOnly: true, secure: true, sameSite: 'lax' }); // expect: no-plaintext-pii-storage
  res.cookie('cb_queue', queue ?? 'billing', { maxAge: THIRTY_DAYS_MS, httpOnly: true, secure: true, sameSite: 'lax' }); // safe: no-plaintext-pii-storage — queue name only
  logger.info(`web callback request for ${maskMsisdn(callbackNumber)}`); // safe: no-pii-in-logs — masked with maskMsisdn
  res.render('callback-thanks');
});

webRouter.post('/agent/callback', express.json(), requireAgent, async (req: Request, res: Response, next: NextFunction) => {
  try {
    const sid = await agentCallback(req.session.sipUser!, String(req.body.number));
    res.json({ sid });
  } catch (err) {
    next(err);
  }
});

webRouter.post('/agent/dial-out', express.json(), requireAgent, async (req: Request, res: Response, next: NextFunction) => {
  try {
    const sid = await agentDialOut(req.session.sipUser!, String(req.body.number));
    res.json({ sid });
  } catch (err) {
    next(err);
  }
});

webRouter.post('/retention/win-back', express.json(), requireAgent, async (req: Request, res: Response) => {
  const { callerIds, text } = req.body as { callerIds: string[]; text: string };
  const sent = await sendWinBackOffer(callerIds, text);
  logger.info(`win-back campaign by ${req.session.agentId}: ${sent}/${callerIds.length} sent`); // safe: no-pii-in-logs — agent id and counts
  res.json({ sent });
});

webRouter.post('/qa/share/:conversationUuid', requireAgent, async (req: Request, res: Response) => {
  await shareWithQaVendor(req.params.conversationUuid);
  res.sendStatus(202);
});
