// IVR metrics collector (ESM JavaScript): aggregates menu choices per call and logs them with pino.
import pino from 'pino';
import express from 'express';
import twilio from 'twilio';
import { maskPhone } from '@acme/pii';

const logger = pino({ level: 'info', redact: ['msisdn'] });
const metricsLogger = pino({ name: 'ivr-metrics' });

/** @type {Map<string, { msisdn: string, choices: string[], startedAt: number }>} */
const sessions = new Map();

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/ivr/menu', twilio.webhook(), (req, res) => {
  const { CallSid, From, Digits } = req.body;
  const session = sessions.get(CallSid) ?? { msisdn: From, choices: /** @type {string[]} */ ([]), startedAt: Date.now() };
  session.choices.push(Digits);
  sessions.set(CallSid, session);

  logger.info({ msisdn: From, digits: Digits }, 'menu choice'); // safe: `msisdn` is redacted
  logger.info({ digits: Digits, callSid: CallSid }, 'menu choice'); // safe: menu digit and SID
  metricsLogger.info({ caller: From, digits: Digits }, 'menu choice'); // $ Alert[no-pii-in-logs]
  metricsLogger.info({ caller: maskPhone(From), digits: Digits }, 'menu choice'); // safe: masked

  const twiml = new twilio.twiml.VoiceResponse();
  const gather = twiml.gather({ numDigits: 1, action: '/ivr/menu' });
  gather.say('Press 1 for billing, 2 for support.');
  res.type('text/xml').send(twiml.toString());
});

app.post('/ivr/done', twilio.webhook(), (req, res) => {
  const session = sessions.get(req.body.CallSid);
  sessions.delete(req.body.CallSid);
  if (session) {
    const durationMs = Date.now() - session.startedAt;
    metricsLogger.info({ path: session.choices.join('>'), durationMs }, 'ivr path'); // safe: menu path and duration
    metricsLogger.info({ session }, 'ivr session'); // $ Alert[no-pii-in-logs]
    metricsLogger.info(`ivr session for ${session.msisdn} took ${durationMs} ms`); // $ Alert[no-pii-in-logs]
    metricsLogger.info(`ivr session ${req.body.CallSid} took ${durationMs} ms`); // safe: SID and duration
  }
  res.sendStatus(204);
});

app.listen(3002);
