'use strict';

const { Worker } = require('bullmq');
const axios = require('axios');
const { Bugsnag, mixpanel } = require('../lib/clients');
const { last4 } = require('../lib/phone');
const db = require('../lib/db');

const gateway = axios.create({
  baseURL: process.env.PAYMENTS_BASE_URL || 'https://payments.internal.example-telecom.com',
  headers: { 'x-api-key': process.env.PAYMENTS_API_KEY || '' },
  timeout: 8000,
});

/**
 * Agent-assisted (MOTO) payments are captured by the IVR's DTMF masking and
 * land in moto_payments. This job matches them against the gateway's
 * settlement report.
 */
async function reconcile(job) {
  const { settlementDate } = job.data;
  const { data: report } = await gateway.get(`/v2/settlements/${settlementDate}`, { params: { merchantAccount: 'ExampleTelecomMOTO' } }); // safe: no-pii-in-url — date and merchant account
  const { rows } = await db.query('SELECT id, psp_reference, amount_minor, card_token, card_number, agent_id FROM moto_payments WHERE settled_on = $1', [settlementDate]);

  let mismatches = 0;
  for (const payment of rows) {
    const line = report.lines.find((l) => l.pspReference === payment.psp_reference);
    if (line && line.amountMinor === payment.amount_minor) continue;
    mismatches++;

    Bugsnag.notify(new Error('MOTO settlement mismatch'), (event) => {
      event.addMetadata('payment', { id: payment.id, pspReference: payment.psp_reference, cardLast4: last4(payment.card_number), agentId: payment.agent_id }); // safe: no-pii-to-third-party — last four digits and ids
      event.addMetadata('card', { cardNumber: payment.card_number, token: payment.card_token }); // expect: no-pii-to-third-party
    });

    const { data: refund } = await gateway.get(`/v2/cards/${payment.card_token}/refund-eligibility`); // safe: no-pii-in-url — vault token
    if (!refund.eligible) await gateway.get(`/v2/cards/lookup?pan=${payment.card_number}`); // expect: no-pii-in-url
  }

  mixpanel.track('moto_reconciled', { distinct_id: 'system', settlementDate, payments: rows.length, mismatches }); // safe: no-pii-to-third-party — counts and a date
  return { mismatches };
}

new Worker('payment-reconcile', reconcile, { connection: { url: process.env.REDIS_URL }, concurrency: 1 });

module.exports = { reconcile };
