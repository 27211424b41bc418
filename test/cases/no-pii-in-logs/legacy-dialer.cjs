// Legacy CommonJS preview dialer still running on the old PBX host: Asterisk AMI events, log4js and console.
'use strict';

const AsteriskManager = require('asterisk-manager');
const log4js = require('log4js');
const { maskPhone } = require('@acme/pii');

const logger = log4js.getLogger('preview-dialer');
const ami = new AsteriskManager(5038, '127.0.0.1', process.env.AMI_USER, process.env.AMI_SECRET, true);

/** @type {Map<string, { leadId: string, phone: string, agent: string }>} */
const pending = new Map();

ami.on('newchannel', (evt) => {
  logger.debug('new channel', evt.channel, evt.uniqueid); // safe: channel name and unique id
  logger.debug('new channel caller id', evt.calleridnum); // $ MISSING: Alert[no-pii-in-logs]
});

ami.on('dialbegin', (evt) => {
  const entry = pending.get(evt.uniqueid);
  if (!entry) return;
  logger.info(`agent ${entry.agent} previewing lead ${entry.leadId}`); // safe: agent and lead ids
  logger.info(`agent ${entry.agent} dialing ${entry.phone}`); // $ Alert[no-pii-in-logs]
  logger.info(`agent ${entry.agent} dialing ${maskPhone(entry.phone)}`); // safe: masked
});

ami.on('hangup', (evt) => {
  const entry = pending.get(evt.uniqueid);
  pending.delete(evt.uniqueid);
  if (!entry) return;
  console.log('hangup', evt.cause, evt['cause-txt'], entry.leadId); // safe: cause and lead id
  console.log('hangup', entry); // $ Alert[no-pii-in-logs]
});

/**
 * @param {{ id: string, phone: string }} lead
 * @param {string} agent
 */
function preview(lead, agent) {
  pending.set(`preview-${lead.id}`, { leadId: lead.id, phone: lead.phone, agent });
  logger.info('queued preview %s for %s', lead.id, agent); // safe: ids
  logger.info('queued preview number %s', lead.phone); // $ Alert[no-pii-in-logs]
  console.info('pending previews: %d', pending.size); // safe: a count
}

module.exports = { preview };
