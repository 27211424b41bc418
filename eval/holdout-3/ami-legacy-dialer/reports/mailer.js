'use strict';

const path = require('path');
const nodemailer = require('nodemailer');
const config = require('../config');
const log = require('../lib/logger').getLogger('mailer');

const reportTransport = nodemailer.createTransport(config.smtp.reports);
const alertTransport = nodemailer.createTransport(config.smtp.alerts);

const QA_RECIPIENTS = (process.env.QA_RECIPIENTS || 'qa-team@example-bpo.com').split(',');
const ALERT_RECIPIENTS = (process.env.ALERT_RECIPIENTS || 'noc@example-bpo.com').split(',');

async function mailReport(file, subject) {
  const info = await reportTransport.sendMail({
    from: '"Dialer reports" <reports@example-bpo.com>',
    to: QA_RECIPIENTS,
    subject,
    text: `Attached: ${path.basename(file)}\n\nQuestions? Call the NOC on ${config.supportLine}.`,
    attachments: [{ filename: path.basename(file), path: file }],
  });
  log.info('report %s mailed, messageId=%s', path.basename(file), info.messageId);
  return info.messageId;
}

async function sendAlert(text) {
  try {
    await alertTransport.sendMail({
      from: 'dialer@example-bpo.com',
      to: ALERT_RECIPIENTS,
      subject: `[dialer] ${text.slice(0, 60)}`,
      text,
    });
  } catch (err) {
    log.error('alert mail failed: %s', err.message);
  }
}

module.exports = { mailReport, sendAlert };
