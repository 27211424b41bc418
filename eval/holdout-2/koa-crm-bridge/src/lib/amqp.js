'use strict';

const amqp = require('amqplib');
const config = require('../config');
const log = require('./logger').child({ component: 'amqp' });

let mainChannel = null;

/** Main broker (RabbitMQ on Amazon MQ): CRM domain events. */
async function connectMain() {
  const conn = await amqp.connect(config.amqp.url, { servername: 'mq.crm.example.net' });
  conn.on('error', (err) => log.error({ err }, 'main AMQP connection error'));
  mainChannel = await conn.createConfirmChannel();
  await mainChannel.assertExchange('crm.events', 'topic', { durable: true });
  return mainChannel;
}

function publishEvent(routingKey, payload) {
  if (!mainChannel) throw new Error('AMQP main channel is not connected');
  return mainChannel.publish('crm.events', routingKey, Buffer.from(JSON.stringify(payload)), {
    persistent: true,
    contentType: 'application/json',
  });
}

/**
 * The legacy predictive dialer reports every finished call on its own
 * broker. `onDisposition` gets the parsed message; a throw dead-letters it.
 */
async function consumeLegacyDispositions(onDisposition) {
  const conn = await amqp.connect(config.amqp.legacyDialerUrl);
  const channel = await conn.createChannel();
  await channel.assertQueue(config.amqp.dispositionsQueue, { durable: true, deadLetterExchange: 'dialer.dlx' });
  await channel.prefetch(20);
  await channel.consume(config.amqp.dispositionsQueue, async (msg) => {
    if (!msg) return;
    try {
      const disposition = JSON.parse(msg.content.toString('utf8'));
      await onDisposition(disposition);
      channel.ack(msg);
    } catch (err) {
      log.error({ err, deliveryTag: msg.fields.deliveryTag }, 'disposition rejected');
      channel.nack(msg, false, false);
    }
  });
  log.info({ queue: config.amqp.dispositionsQueue }, 'consuming legacy dispositions');
}

module.exports = { connectMain, publishEvent, consumeLegacyDispositions };
