'use strict';

const { Worker } = require('bullmq');
const md5 = require('md5');
const CryptoJS = require('crypto-js');
const objectHash = require('object-hash');
const { hashPhone } = require('../lib/hash');
const { normalize } = require('../lib/phone');
const { Sentry, segment } = require('../lib/clients');
const db = require('../lib/db');

/**
 * Partner lead files arrive several times a day and overlap. A lead is a
 * duplicate if we have seen the same number (or, for KYC'd leads, the same
 * ID number) in the last 30 days.
 */
async function dedupeBatch(batch) {
  const fresh = [];
  for (const lead of batch.leads) {
    const mobile = normalize(lead.mobile);
    if (!mobile) continue;

    const phoneKey = hashPhone(mobile);
    // Partner "Acme Leads" sends their own key: md5 of the bare number.
    const partnerKey = lead.partnerKey || md5(mobile.replace('+', '')); // expect: no-reversible-pii-hash
    const idKey = lead.idNumber ? CryptoJS.SHA1(lead.idNumber.trim()).toString() : null; // expect: no-reversible-pii-hash

    const seen = await db.query(
      'SELECT 1 FROM lead_keys WHERE (phone_key = $1 OR partner_key = $2 OR id_key = $3) AND seen_at > now() - interval \'30 days\' LIMIT 1',
      [phoneKey, partnerKey, idKey],
    );
    if (seen.rowCount > 0) continue;

    await db.query('INSERT INTO lead_keys (phone_key, partner_key, id_key, seen_at) VALUES ($1, $2, $3, now())', [phoneKey, partnerKey, idKey]);
    fresh.push({ ...lead, mobile });
  }
  return fresh;
}

function batchFingerprint(batch) {
  return objectHash({ partner: batch.partner, fileName: batch.fileName, receivedAt: batch.receivedAt }); // safe: no-reversible-pii-hash — file metadata only
}

const worker = new Worker(
  'lead-dedupe',
  async (job) => {
    const batch = job.data;
    const fingerprint = batchFingerprint(batch);
    const fresh = await dedupeBatch(batch);
    await segment.track({ userId: `partner:${batch.partner}`, event: 'Lead Batch Deduplicated', properties: { fingerprint, received: batch.leads.length, kept: fresh.length } }); // safe: no-pii-to-third-party — partner id and counts
    return { kept: fresh.length };
  },
  { connection: { url: process.env.REDIS_URL }, concurrency: 2 },
);

worker.on('failed', (job, err) => {
  const lead = job && job.data && job.data.leads && job.data.leads[0];
  Sentry.captureException(err, { tags: { queue: 'lead-dedupe', jobId: job && job.id }, contexts: { lead: { msisdn: lead && lead.mobile, partner: job && job.data.partner } } }); // expect: no-pii-to-third-party
});

worker.on('error', (err) => Sentry.captureException(err, { tags: { queue: 'lead-dedupe' } })); // safe: no-pii-to-third-party — queue name only

module.exports = { dedupeBatch, batchFingerprint };
