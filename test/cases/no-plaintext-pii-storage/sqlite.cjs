// Branch-office call recorder index (CommonJS): a local SQLite file of recent calls per agent desk.
'use strict';

const Database = require('better-sqlite3');
const sqlite3 = require('sqlite3');
const { createCipheriv, randomBytes } = require('node:crypto');
const { maskPhone } = require('@acme/pii');

const KEY = Buffer.from(process.env.DESK_DB_KEY || '', 'hex');

/** @param {string} value */
function sealValue(value) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', KEY, iv);
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

const db = new Database('/var/lib/desk/recent-calls.db');
db.exec('CREATE TABLE IF NOT EXISTS recent (call_sid TEXT PRIMARY KEY, number TEXT, number_enc TEXT, agent TEXT, at INTEGER)');

const insertPlain = db.prepare('INSERT INTO recent (call_sid, number, agent, at) VALUES (?, ?, ?, ?)');
const insertSealed = db.prepare('INSERT INTO recent (call_sid, number_enc, agent, at) VALUES (?, ?, ?, ?)');
const touch = db.prepare('UPDATE recent SET at = ? WHERE call_sid = ?');

/**
 * @param {{ callSid: string, phone: string, agent: string }} call
 */
function remember(call) {
  insertPlain.run(call.callSid, call.phone, call.agent, Date.now()); // $ Alert[no-plaintext-pii-storage]
  insertSealed.run(call.callSid, sealValue(call.phone), call.agent, Date.now()); // safe: encrypted
  touch.run(Date.now(), call.callSid); // safe: no PII
}

// The older desks still run node-sqlite3.
const legacy = new sqlite3.Database('/var/lib/desk/legacy.db');

/**
 * @param {{ callSid: string, phone: string, agent: string }} call
 */
function rememberLegacy(call) {
  legacy.run('INSERT INTO recent (call_sid, number, agent) VALUES (?, ?, ?)', [call.callSid, call.phone, call.agent]); // $ Alert[no-plaintext-pii-storage]
  legacy.run('INSERT INTO recent (call_sid, number_enc, agent) VALUES (?, ?, ?)', [call.callSid, sealValue(call.phone), call.agent]); // safe: encrypted
  legacy.run('INSERT INTO recent_display (call_sid, label) VALUES (?, ?)', [call.callSid, call.agent]); // safe: no PII
  legacy.all('SELECT call_sid FROM recent WHERE number = ?', [call.phone], () => {}); // safe: a read
}

/** @param {string} callSid */
function describe(callSid) {
  const row = db.prepare('SELECT number FROM recent WHERE call_sid = ?').get(callSid);
  return row ? maskPhone(row.number) : 'unknown';
}

module.exports = { remember, rememberLegacy, describe };
