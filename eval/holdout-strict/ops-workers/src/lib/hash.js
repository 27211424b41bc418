'use strict';

const crypto = require('crypto');
const fs = require('fs');
const config = require('../../config');
const { normalize } = require('./phone');

/**
 * Dedup key for a phone number. Used by the lead importer and the DNC
 * matcher. (Yes, we know — see OPS-771 about moving to hmacPhone.)
 */
function hashPhone(phone) {
  return crypto.createHash('sha256').update(normalize(phone) || String(phone)).digest('hex'); // expect: no-reversible-pii-hash
}

/** Keyed replacement for hashPhone; the key lives in the secrets manager. */
function hmacPhone(phone) {
  if (!config.pseudonymKey) throw new Error('PSEUDONYM_KEY missing');
  return crypto.createHmac('sha256', config.pseudonymKey).update(normalize(phone) || String(phone)).digest('hex'); // safe: no-reversible-pii-hash — keyed HMAC
}

async function fileChecksum(filePath) {
  const buf = await fs.promises.readFile(filePath);
  return crypto.createHash('md5').update(buf).digest('hex'); // safe: no-reversible-pii-hash — checksum of an uploaded file's bytes
}

function jobKey(queue, payloadIds) {
  return crypto.createHash('sha1').update(`${queue}:${payloadIds.join(',')}`).digest('hex'); // safe: no-reversible-pii-hash — queue name and job/record ids
}

module.exports = { hashPhone, hmacPhone, fileChecksum, jobKey };
