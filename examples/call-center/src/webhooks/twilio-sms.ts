import { Router } from 'express';
import { logger } from '../lib/logger.js';
import { MessagingResponse, validateTwilioSignature } from '../lib/twilio.js';
import { recordOptOut } from '../services/consent.js';
import { createCallbackRequest } from '../storage/repositories.js';

/** CTIA standard opt-out and opt-in keywords. */
const OPT_OUT_KEYWORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const HELP_KEYWORDS = new Set(['HELP', 'INFO']);

export const smsWebhooks = Router();
smsWebhooks.use('/twilio/sms', validateTwilioSignature);

smsWebhooks.post('/twilio/sms/inbound', async (req, res) => {
  const { From, Body, MessageSid } = req.body;
  const keyword = String(Body ?? '').trim().toUpperCase();
  console.log(`SMS ${MessageSid} from ${From}: ${keyword}`); // $ Alert[no-pii-in-logs]

  const twiml = new MessagingResponse();
  if (OPT_OUT_KEYWORDS.has(keyword)) {
    await recordOptOut(From, 'sms', `sms:${MessageSid}`);
    await recordOptOut(From, 'voice', `sms:${MessageSid}`);
    logger.info('sms opt-out recorded', { messageSid: MessageSid, keyword });
    twiml.message('Northwind: you are unsubscribed and will not receive more messages or calls.');
  } else if (HELP_KEYWORDS.has(keyword)) {
    twiml.message('Northwind support: call us on our published number. Reply STOP to opt out.');
  } else if (keyword === 'CALL') {
    const callbackRequestId = await createCallbackRequest(From, undefined, 'sms-callback');
    logger.info('callback requested by sms', { messageSid: MessageSid, callbackRequestId });
    twiml.message('Thanks! An agent will call you back within one business day.');
  }
  res.type('text/xml').send(twiml.toString());
});
