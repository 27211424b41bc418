import { WebhookResponse } from '@jambonz/node-client';
import { Router } from 'express';
import pino from 'pino';
import { findAccountByCallerId } from '../storage/repositories.js';

/**
 * The Spanish-language line runs on our self-hosted jambonz cluster.
 * from/to/caller_name are redacted when logged as fields; never put them in the message text.
 */
const log = pino({ name: 'jambonz-hooks', redact: ['from', 'to', 'caller_name'] });

export const jambonzWebhooks = Router();

jambonzWebhooks.post('/jambonz/call', async (req, res) => {
  const { call_sid, from, to, caller_name } = req.body;
  log.info({ call_sid, from, to, caller_name }, 'jambonz inbound call');

  const app = new WebhookResponse();
  const account = await findAccountByCallerId(from);
  if (!account) {
    log.warn(`no account for caller ${from}, routing to sales`); // $ Alert[no-pii-in-logs]
    app
      .say({ text: 'Gracias por llamar a Northwind. Le comunicamos con un asesor.', language: 'es-US' })
      .dial({ target: [{ type: 'sip', sipUri: 'sips:ventas@pbx.northwind-cc.com' }], answerOnBridge: true });
  } else {
    app.gather({
      input: ['digits'],
      numDigits: 1,
      actionHook: '/jambonz/menu',
      say: { text: 'Para pagos, marque uno. Para hablar con un asesor, marque dos.', language: 'es-US' },
    });
  }
  res.status(200).json(app);
});

jambonzWebhooks.post('/jambonz/status', (req, res) => {
  const { call_sid, call_status, sip_status, duration } = req.body;
  log.info({ call_sid, call_status, sip_status, duration }, 'jambonz call status');
  res.sendStatus(200);
});
