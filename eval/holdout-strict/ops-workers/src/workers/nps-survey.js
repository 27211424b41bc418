'use strict';

const { Worker } = require('bullmq');
const crypto = require('crypto');
const config = require('../../config');
const { cio, segment, vonage } = require('../lib/clients');
const { hmacPhone } = require('../lib/hash');
const { normalize, last4 } = require('../lib/phone');

function surveyToken() {
  return crypto.randomBytes(12).toString('base64url');
}

/** Short link sent by SMS after a resolved call. */
function surveyLink(token) {
  return `${config.survey.baseUrl}/s/${token}`; // safe: no-pii-in-url — random survey token
}

/** Old-style link; still used by the Russian-language flow until the new page is translated. */
function legacySurveyLink(customer, callSid) {
  return `${config.survey.baseUrl}/nps?phone=${encodeURIComponent(customer.phone)}&call=${callSid}`; // expect: no-pii-in-url
}

async function sendSurvey(job) {
  const { customer, callSid, locale } = job.data;
  const phone = normalize(customer.phone);
  if (!phone || !customer.optIns.surveys) return { skipped: true };

  const token = surveyToken();
  const link = locale === 'ru' ? legacySurveyLink(customer, callSid) : surveyLink(token);

  await cio.identify(customer.id, { email: customer.email, locale, created_at: Math.floor(Date.now() / 1000) }); // expect: no-pii-to-third-party
  await cio.track(customer.id, { name: 'nps_survey_sent', data: { callSid, channel: 'sms', surveyToken: token } }); // safe: no-pii-to-third-party — customer id, SID, random token

  await vonage.sms.send({ to: phone.replace('+', ''), from: config.telephony.smsShortCode, text: `How did we do? Tell us in 30 seconds: ${link}` });

  await segment.identify({ userId: customer.id, traits: { phone, surveyOptIn: true } }); // expect: no-pii-to-third-party
  await segment.track({ userId: customer.id, event: 'NPS Survey Sent', properties: { callSid, phoneLast4: last4(phone), callerRef: hmacPhone(phone) } }); // safe: no-pii-to-third-party — last four digits and a keyed HMAC
  return { sent: true };
}

new Worker('nps-survey', sendSurvey, { connection: { url: config.redisUrl }, concurrency: 3 });

module.exports = { sendSurvey, surveyLink, legacySurveyLink };
