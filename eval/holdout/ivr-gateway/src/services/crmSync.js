'use strict';

const https = require('https');
const axios = require('axios');
const config = require('../config');
const { logger, maskMsisdn } = require('../lib/logger');

const crm = axios.create({
  baseURL: config.crm.baseUrl,
  timeout: 5_000,
  headers: { Authorization: `Bearer ${config.crm.token}` },
  httpsAgent: new https.Agent({ keepAlive: true, minVersion: 'TLSv1.2' }), // safe: no-plaintext-transport — TLS 1.2 minimum
});

const billingBridge = axios.create({ baseURL: config.crm.legacyUrl, timeout: 10_000 });

/** Screen-pop data for the agent: name, account, open tickets. */
async function lookupCaller(msisdn) {
  try {
    const { data } = await crm.post('/contacts/search', { phone: msisdn, limit: 1 });
    return data.results[0] || null;
  } catch (err) {
    logger.warn(`CRM lookup failed for ${maskMsisdn(msisdn)}: ${err.message}`); // safe: no-pii-in-logs — masked with maskMsisdn
    return null;
  }
}

async function pushCallActivity(record, caller) {
  const payload = {
    contactId: caller.crmId,
    type: record.direction === 'inbound' ? 'inbound_call' : 'outbound_call',
    startedAt: record.startedAt,
    durationSec: record.durationSec,
    disposition: record.disposition,
    phone: record.callerNumber,
    menuPath: (record.menuPath || []).join('>'),
  };
  try {
    await crm.post('/activities', payload);
  } catch (err) {
    logger.error('CRM activity push failed', { status: err.response && err.response.status, payload }); // expect: no-pii-in-logs
    throw err;
  }
}

/** Billing still keys "last contact" on the account + phone pair. */
async function touchBilling(caller) {
  await billingBridge.post('/CustomerTouch', {
    account: caller.accountRef,
    msisdn: caller.msisdn,
    touchedAt: new Date().toISOString(),
  });
}

module.exports = { lookupCaller, pushCallActivity, touchBilling };
