'use strict';

const crypto = require('crypto');
const Router = require('@koa/router');
const config = require('../config');
const log = require('../lib/logger').child({ component: 'webhooks' });
const { maskPhone } = require('../lib/mask');
const { sequelize } = require('../db/sequelize');
const { addToDnc } = require('../services/consent');

const router = new Router({ prefix: '/webhooks/messagebird' });

const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);

function verifySignature(ctx) {
  const signature = ctx.get('MessageBird-Signature') || '';
  const expected = crypto
    .createHmac('sha256', config.messagebird.signingKey)
    .update(ctx.request.rawBody || '')
    .digest('base64');
  return signature.length === expected.length && crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

/** Inbound SMS to our long code (MessageBird flow "forward to URL"). */
router.post('/inbound', async (ctx) => {
  if (!verifySignature(ctx)) {
    ctx.status = 401;
    return;
  }
  const { originator, payload, id: messageId } = ctx.request.body;
  const keyword = String(payload || '').trim().split(/\s+/)[0].toUpperCase();
  log.info({ originator, keyword, messageId }, 'inbound SMS'); // expect: no-pii-in-logs

  if (STOP_WORDS.has(keyword)) {
    await addToDnc(`+${String(originator).replace(/^\+/, '')}`, 'sms-stop');
    log.info({ messageId, from: maskPhone(originator) }, 'sender added to DNC list');
  }
  ctx.status = 204;
});

/** Delivery reports: MessageBird calls the reportUrl with query parameters. */
router.get('/status', async (ctx) => {
  const { id, reference, recipient, status, statusDatetime } = ctx.query;
  if (!id || !status) {
    ctx.status = 400;
    return;
  }
  await sequelize.query(
    'INSERT INTO sms_delivery_reports (message_id, reference, recipient, status, status_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (message_id, status) DO NOTHING',
    { replacements: [id, reference || null, recipient, status, statusDatetime] }, // expect: no-plaintext-pii-storage
  );
  log.debug({ messageId: id, reference, status }, 'delivery report stored');
  ctx.status = 200;
});

module.exports = router;
