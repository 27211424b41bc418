import express from 'express';
import { config } from './config.js';
import { syncContactsToCrm } from './crm/hubspot.js';
import { runAgentBookedCallbacks, runDueCallbacks } from './dialer/callbacks.js';
import { startCampaignWorker } from './dialer/campaign-worker.js';
import { ivrRoutes } from './ivr/menu.js';
import { paymentRoutes } from './ivr/payment.js';
import { logger } from './lib/logger.js';
import { dataSource, importLead } from './storage/repositories.js';
import { jambonzWebhooks } from './webhooks/jambonz.js';
import { smsWebhooks } from './webhooks/twilio-sms.js';
import { voiceWebhooks } from './webhooks/twilio-voice.js';

const E164_PATTERN = /^\+[1-9]\d{7,14}$/;
const CRM_SYNC_INTERVAL_MS = 5 * 60_000;
const CALLBACK_INTERVAL_MS = 60_000;

const app = express();
app.set('trust proxy', true);
// Twilio posts form-encoded bodies; jambonz and our own API post JSON.
app.use(express.urlencoded({ extended: false }));
app.use(express.json({ limit: '100kb' }));
app.use(voiceWebhooks, smsWebhooks, ivrRoutes, paymentRoutes, jambonzWebhooks);

app.get('/healthz', (_req, res) => {
  res.send('ok');
});

/** Leads from the website's "call me" form. */
app.post('/api/leads', async (req, res) => {
  const { campaignId, firstName, phone, phoneCountryCode, email, consent, consentSource, timezone } = req.body;
  if (typeof phone !== 'string' || !E164_PATTERN.test(phone)) {
    return res.status(400).json({ error: 'phone must be in E.164 format' });
  }
  const lead = await importLead({ campaignId, firstName, phone, phoneCountryCode, email, consent: consent === true, consentSource, timezone });
  return res.status(201).json({ id: lead.id });
});

function scheduleJobs(): void {
  let lastCrmSync = new Date(Date.now() - CRM_SYNC_INTERVAL_MS);
  setInterval(() => {
    const since = lastCrmSync;
    lastCrmSync = new Date();
    syncContactsToCrm(since).catch((err: unknown) => logger.error('CRM sync crashed', { error: String(err) }));
  }, CRM_SYNC_INTERVAL_MS);

  setInterval(() => {
    Promise.all([runDueCallbacks('general', 'PJSIP/callbacks-general'), runDueCallbacks('billing', 'PJSIP/callbacks-billing'), runAgentBookedCallbacks('PJSIP/callbacks-booked')])
      .then((counts) => logger.info('callbacks dialled', { counts }))
      .catch((err: unknown) => logger.error('callback run failed', { error: String(err) }));
  }, CALLBACK_INTERVAL_MS);
}

await dataSource.initialize();
await startCampaignWorker();
scheduleJobs();
app.listen(config.port, () => logger.info('call-center listening', { port: config.port, env: config.env }));
