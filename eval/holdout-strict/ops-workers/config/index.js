'use strict';

const defaults = require('./default');

function fromEnv(base) {
  return {
    ...base,
    env: process.env.NODE_ENV || base.env,
    redisUrl: process.env.REDIS_URL || base.redisUrl,
    databaseUrl: process.env.DATABASE_URL || base.databaseUrl,
    publicBaseUrl: process.env.PUBLIC_BASE_URL || base.publicBaseUrl,
    telephony: {
      ...base.telephony,
      fallbackCallerId: process.env.CALLER_ID || base.telephony.fallbackCallerId,
    },
    alerts: {
      ...base.alerts,
      nightShiftMobile: process.env.NIGHT_SHIFT_MOBILE || base.alerts.nightShiftMobile,
    },
    crm: { ...base.crm, baseUrl: process.env.CRM_BASE_URL || base.crm.baseUrl, token: process.env.CRM_TOKEN },
    vonage: {
      apiKey: process.env.VONAGE_API_KEY,
      apiSecret: process.env.VONAGE_API_SECRET,
      applicationId: process.env.VONAGE_APPLICATION_ID,
      privateKey: process.env.VONAGE_PRIVATE_KEY_PATH,
    },
    pseudonymKey: process.env.PSEUDONYM_KEY,
  };
}

module.exports = Object.freeze(fromEnv(defaults));
