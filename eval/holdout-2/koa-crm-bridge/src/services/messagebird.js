'use strict';

const { initClient } = require('messagebird');
const config = require('../config');

const client = initClient(config.messagebird.accessKey);

/**
 * Send one SMS through MessageBird and resolve with the message object.
 * Callers own the consent/DNC check (services/consent).
 */
function sendCampaignSms(phone, body, reference) {
  return new Promise((resolve, reject) => {
    client.messages.create( // safe: require-consent-check — both callers check first: runSmsCampaign skips unless canText(contact); POST /api/contacts/:id/sms calls requireSmsPermission, which throws
      {
        originator: config.messagebird.originator,
        recipients: [phone],
        body,
        reference,
        reportUrl: config.messagebird.reportUrl,
      },
      (err, message) => (err ? reject(err) : resolve(message)),
    );
  });
}

module.exports = { client, sendCampaignSms };
