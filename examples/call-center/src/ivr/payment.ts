import https from 'node:https';
import { Vault } from '@northwind/pci-vault';
import axios from 'axios';
import { Router } from 'express';
import { config } from '../config.js';
import { logger, maskCard } from '../lib/logger.js';
import { VoiceResponse } from '../lib/twilio.js';
import { recordPaymentAttempt } from '../storage/repositories.js';
import { loadIvrSession, saveIvrSession } from '../storage/session-cache.js';
import { sendTwiml } from './menu.js';

/**
 * Card payments over DTMF. PCI scope ends at this file: the PAN goes to the vault, and
 * everything after that (session, gateway, logs) sees the vault token or the last four digits.
 */
export const paymentRoutes = Router();

const vault = new Vault({ endpoint: config.vault.endpoint, apiKey: config.vault.apiKey });

/** Primary processor: vault tokens, TLS 1.2+. */
const gatewayAgent = new https.Agent({ keepAlive: true, minVersion: 'TLSv1.2' });
/** AMEX still goes through the old acquirer link, which only negotiates TLS 1.0. */
const legacyGatewayAgent = new https.Agent({ keepAlive: true, minVersion: 'TLSv1' }); // $ Alert[no-plaintext-transport]

const GATEWAY_URL = 'https://api.payments.northwind-cc.com/v3/charges';
const ACQUIRER_LINK_URL = 'https://acquirer-link.northwind-cc.com/amex/authorize';

export class GatewayError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

interface GatewayResponse {
  result: 'approved' | 'declined' | 'error';
  auth_code?: string;
  decline_code?: string;
  error_code?: string;
  message?: string;
}

type ChargeResult = { status: 'approved'; authCode: string } | { status: 'declined'; declineCode: string };

function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function toResult(data: GatewayResponse): ChargeResult {
  return data.result === 'approved'
    ? { status: 'approved', authCode: data.auth_code ?? '' }
    : { status: 'declined', declineCode: data.decline_code ?? 'unknown' };
}

async function chargeCard(cardToken: string, expiry: string, accountId: string, amountCents: number): Promise<ChargeResult> {
  if ((await vault.brandOf(cardToken)) === 'amex') {
    return chargeViaAcquirerLink(await vault.detokenize(cardToken), expiry, accountId, amountCents);
  }
  const { data } = await axios.post<GatewayResponse>(
    GATEWAY_URL,
    { card_token: cardToken, expiry, account_id: accountId, amount: amountCents, currency: 'USD' },
    { httpsAgent: gatewayAgent, timeout: 15_000 },
  );
  if (data.result === 'error') {
    throw new GatewayError(`Gateway error ${data.error_code} for token ${cardToken}`, data.error_code ?? 'unknown');
  }
  return toResult(data);
}

/** The acquirer link predates tokenization and takes the PAN itself. */
async function chargeViaAcquirerLink(cardNumber: string, expiry: string, accountId: string, amountCents: number): Promise<ChargeResult> {
  const { data } = await axios.post<GatewayResponse>(
    ACQUIRER_LINK_URL,
    { pan: cardNumber, exp: expiry, merchant_ref: accountId, amount: amountCents },
    { httpsAgent: legacyGatewayAgent, timeout: 15_000 },
  );
  if (data.result === 'error') {
    throw new GatewayError(`Acquirer rejected card ${cardNumber}: ${data.message}`, data.error_code ?? 'unknown'); // $ Alert[no-pii-in-logs]
  }
  return toResult(data);
}

paymentRoutes.post('/ivr/pay/start', (_req, res) => {
  const twiml = new VoiceResponse();
  const gather = twiml.gather({ input: ['dtmf'], finishOnKey: '#', timeout: 15, action: '/ivr/pay/card', method: 'POST' });
  gather.say('Please enter your card number, followed by the pound key.');
  twiml.redirect('/ivr/pay/start');
  sendTwiml(res, twiml);
});

paymentRoutes.post('/ivr/pay/card', async (req, res) => {
  const callSid: string = req.body.CallSid;
  const cardNumber: string = req.body.Digits ?? '';
  const session = await loadIvrSession(callSid);
  const twiml = new VoiceResponse();
  if (!session || session.step !== 'payment') {
    twiml.redirect('/twilio/voice/inbound');
    return sendTwiml(res, twiml);
  }
  if (!luhnValid(cardNumber)) {
    logger.info('ivr payment: invalid card number entered', { callSid });
    twiml.say('That card number is not valid.');
    twiml.redirect('/ivr/pay/start');
    return sendTwiml(res, twiml);
  }

  const cardToken = await vault.tokenize(cardNumber);
  await saveIvrSession({ ...session, cardToken });
  logger.info('ivr payment: card captured', { callSid, card: maskCard(cardNumber) });

  const gather = twiml.gather({ input: ['dtmf'], numDigits: 4, timeout: 10, action: '/ivr/pay/expiry', method: 'POST' });
  gather.say('Please enter the four digit expiry date: two digits for the month, then two for the year.');
  return sendTwiml(res, twiml);
});

paymentRoutes.post('/ivr/pay/expiry', async (req, res) => {
  const callSid: string = req.body.CallSid;
  const expiry: string = req.body.Digits ?? '';
  const session = await loadIvrSession(callSid);
  const twiml = new VoiceResponse();
  if (!session?.cardToken || !session.accountId || !session.amountDueCents) {
    twiml.redirect('/twilio/voice/inbound');
    return sendTwiml(res, twiml);
  }

  const attempt = { callSid, accountId: session.accountId, callerId: session.callerId, amountCents: session.amountDueCents };
  try {
    const result = await chargeCard(session.cardToken, expiry, session.accountId, session.amountDueCents);
    await recordPaymentAttempt({ ...attempt, outcome: result.status });
    if (result.status === 'approved') {
      logger.info('ivr payment approved', { callSid, accountId: session.accountId, authCode: result.authCode });
      twiml.say(`Thank you, your payment was approved. Your confirmation code is ${result.authCode.split('').join(' ')}.`);
      twiml.hangup();
    } else {
      logger.warn('ivr payment declined', { callSid, declineCode: result.declineCode });
      twiml.say('Sorry, the payment was declined. Connecting you to an agent.');
      twiml.redirect('/twilio/voice/connect-agent?queue=billing');
    }
  } catch (err) {
    await recordPaymentAttempt({ ...attempt, outcome: 'error' });
    logger.error('ivr payment failed', { callSid, errorName: err instanceof Error ? err.name : 'unknown' });
    twiml.say('Sorry, we could not take the payment. Connecting you to an agent.');
    twiml.redirect('/twilio/voice/connect-agent?queue=billing');
  }
  await saveIvrSession({ ...session, cardToken: undefined, step: 'menu' });
  return sendTwiml(res, twiml);
});
