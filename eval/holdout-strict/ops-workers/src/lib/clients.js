'use strict';

const { Analytics } = require('@segment/analytics-node');
const Mixpanel = require('mixpanel');
const { TrackClient, RegionEU } = require('customerio-node');
const Bugsnag = require('@bugsnag/js');
const Sentry = require('@sentry/node');
const OpenAI = require('openai');
const { Vonage } = require('@vonage/server-sdk');
const got = require('got');
const config = require('../../config');

Sentry.init({ dsn: process.env.SENTRY_DSN, environment: config.env, sendDefaultPii: false });
Bugsnag.start({ apiKey: process.env.BUGSNAG_API_KEY || '', releaseStage: config.env });

const segment = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY || '' });
const mixpanel = Mixpanel.init(process.env.MIXPANEL_TOKEN || '', { protocol: 'https', geolocate: false });
const cio = new TrackClient(process.env.CIO_SITE_ID || '', process.env.CIO_API_KEY || '', { region: RegionEU });
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

const vonage = new Vonage({
  apiKey: config.vonage.apiKey,
  apiSecret: config.vonage.apiSecret,
  applicationId: config.vonage.applicationId,
  privateKey: config.vonage.privateKey,
});

const crmHttp = got.extend({
  prefixUrl: config.crm.baseUrl,
  timeout: config.crm.timeoutMs,
  headers: { authorization: `Bearer ${config.crm.token || ''}` },
  responseType: 'json',
});

module.exports = { segment, mixpanel, cio, Bugsnag, Sentry, openai, vonage, crmHttp };
