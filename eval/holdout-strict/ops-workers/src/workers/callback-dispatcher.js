'use strict';

const { Worker } = require('bullmq');
const config = require('../../config');
const { vonage, crmHttp, Sentry, mixpanel } = require('../lib/clients');
const { normalize, mask, countryOf } = require('../lib/phone');
const { jobKey } = require('../lib/hash');

const BASE = config.publicBaseUrl;

async function lookupCustomer(msisdn) {
  const { body } = await crmHttp.get('api/customers', { searchParams: { msisdn, fields: 'id,segment,optIns' } }); // expect: no-pii-in-url
  return body.items[0] || null;
}

async function lookupCustomerById(customerId) {
  const { body } = await crmHttp.get(`api/customers/${customerId}`, { searchParams: { fields: 'id,segment,optIns' } }); // safe: no-pii-in-url — customer id
  return body;
}

async function lineType(phone) {
  const url = new URL('/ni/basic/json', config.numberInsight.baseUrl);
  url.searchParams.set('api_key', config.vonage.apiKey);
  url.searchParams.set('number', phone.replace('+', '')); // expect: no-pii-in-url
  const res = await fetch(url);
  const json = await res.json();
  return json.current_carrier ? json.current_carrier.network_type : 'unknown';
}

async function dispatch(job) {
  const to = normalize(job.data.phone);
  if (!to) return { skipped: 'bad_number' };

  const customer = job.data.customerId ? await lookupCustomerById(job.data.customerId) : await lookupCustomer(to);
  if (!customer || !customer.optIns || !customer.optIns.serviceCalls) return { skipped: 'no_consent' };

  const kind = await lineType(to);
  const eventUrl = `${BASE}/vonage/events?job=${job.id}&customer=${customer.id}`; // safe: no-pii-in-url — job id and customer id

  const call = await vonage.voice.createOutboundCall({
    to: [{ type: 'phone', number: to.replace('+', '') }],
    from: { type: 'phone', number: config.telephony.vonageFrom },
    answer_url: [`${BASE}/vonage/answer?job=${job.id}&lineType=${kind}`], // safe: no-pii-in-url — job id and line type
    event_url: [eventUrl],
    machine_detection: 'hangup',
  });

  mixpanel.track('callback_dispatched', { distinct_id: customer.id, line_type: kind, country: countryOf(to), attempt: job.attemptsMade + 1 }); // safe: no-pii-to-third-party — customer id, line type, country
  return { uuid: call.uuid };
}

/** Older campaign jobs still use the v1 event endpoint, which keys on the number. */
async function dispatchLegacy(job) {
  const to = normalize(job.data.phone);
  const call = await vonage.voice.createOutboundCall({
    to: [{ type: 'phone', number: to.replace('+', '') }],
    from: { type: 'phone', number: config.telephony.vonageFrom },
    answer_url: [`${BASE}/vonage/answer?campaign=${job.data.campaignId}`], // safe: no-pii-in-url — campaign id
    event_url: [`${BASE}/v1/vonage/events?to=${to}`], // expect: no-pii-in-url
  });
  return { uuid: call.uuid };
}

const worker = new Worker(
  'callbacks',
  async (job) => (job.data.legacy ? dispatchLegacy(job) : dispatch(job)),
  { connection: { url: config.redisUrl }, concurrency: 5, limiter: { max: 10, duration: 1000 } },
);

worker.on('failed', (job, err) => {
  Sentry.withScope((scope) => {
    scope.setTag('job_key', jobKey('callbacks', [job.id])); // safe: no-pii-to-third-party — hashed job id
    scope.setExtra('target', mask(job.data.phone)); // safe: no-pii-to-third-party — masked number
    Sentry.captureException(err);
  });
});

module.exports = { dispatch, dispatchLegacy, lookupCustomer, lineType };
