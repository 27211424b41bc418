import { onRequest } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import twilio from 'twilio';
import { REGION } from '../config';

const { VoiceResponse } = twilio.twiml;

/** TwiML for the customer leg of a callback: short greeting, then into Flex. */
export const callbackTwiml = onRequest({ region: REGION }, (req, res) => {
  const requestId = String(req.query.request ?? '');
  const callSid = String(req.body?.CallSid ?? '');
  const answeredBy = String(req.body?.AnsweredBy ?? 'unknown');

  const twiml = new VoiceResponse();
  if (answeredBy.startsWith('machine')) {
    twiml.say('Hello, this is the help desk returning your call. We will try again later.');
    twiml.hangup();
  } else {
    twiml.say('Thanks for waiting. Connecting you to an agent now.');
    const enqueue = twiml.enqueue({ workflowSid: process.env.FLEX_WORKFLOW_SID ?? '' });
    enqueue.task({}, JSON.stringify({ type: 'callback', callback_request: requestId }));
  }

  logger.info('callback twiml', { requestId, callSid, answeredBy });
  res.type('text/xml').send(twiml.toString());
});
