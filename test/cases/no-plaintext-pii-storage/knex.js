// Dialer list management on knex (plain JavaScript): campaign lists, DNC entries and dispositions.
import knexFactory from 'knex';
import { createHmac } from 'node:crypto';
import { encrypt } from '@acme/crypto';

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
const DNC_KEY = process.env.DNC_HMAC_KEY ?? '';

/** @param {string} phone */
function dncKey(phone) {
  return createHmac('sha256', DNC_KEY).update(phone).digest('hex');
}

/**
 * @typedef {{ externalId: string, phone: string, email: string, campaignId: string }} ListRow
 */

/** @param {ListRow[]} rows */
export async function loadList(rows) {
  await knex('leads').insert(rows); // $ Alert[no-plaintext-pii-storage]
  await knex('leads').insert(
    rows.map((row) => ({ external_id: row.externalId, campaign_id: row.campaignId, phone_enc: encrypt(row.phone) })), // safe: encrypted
  );
}

/**
 * @param {string} leadId
 * @param {string} phone
 */
export async function correctNumber(leadId, phone) {
  await knex('leads').where({ id: leadId }).update({ phone }); // $ Alert[no-plaintext-pii-storage]
  await knex('leads').where({ id: leadId }).update({ phone_enc: encrypt(phone), phone_verified: false }); // safe: encrypted
}

/** @param {string} phone */
export async function addToDnc(phone) {
  await knex('dnc').insert({ phone, added_at: knex.fn.now() }); // $ Alert[no-plaintext-pii-storage]
  await knex('dnc').insert({ phone_hmac: dncKey(phone), added_at: knex.fn.now() }); // safe: keyed HMAC
}

/** @param {string} phone */
export async function isOnDnc(phone) {
  const row = await knex('dnc').where({ phone_hmac: dncKey(phone) }).first(); // safe: a read
  return Boolean(row);
}

/**
 * @param {string} callSid
 * @param {string} disposition
 * @param {string} email
 */
export async function recordDisposition(callSid, disposition, email) {
  await knex('dispositions').insert({ call_sid: callSid, disposition, follow_up_email: email }); // safe: no phone, email is not a kind of this rule
}

/** @param {ListRow} row */
export async function upsertLead(row) {
  await knex
    .insert({ external_id: row.externalId, mobile: row.phone }) // $ Alert[no-plaintext-pii-storage]
    .into('leads')
    .onConflict('external_id')
    .merge();
}

/** @param {string} phone */
export async function purgeNumber(phone) {
  await knex('leads').where({ phone }).del(); // safe: a delete
}
