'use strict';

const winston = require('winston');

/** Top-level metadata keys that carry caller numbers; the scrub format masks them. */
const PHONE_KEYS = new Set(['from', 'to', 'msisdn', 'callerNumber', 'callbackNumber']);

function maskMsisdn(value) {
  if (value === null || value === undefined) return value;
  const s = String(value);
  if (s.length <= 4) return '****';
  return `${'*'.repeat(s.length - 4)}${s.slice(-4)}`;
}

const scrub = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (PHONE_KEYS.has(key)) info[key] = maskMsisdn(info[key]);
  }
  return info;
});

const logger = winston.createLogger({
  level: process.env.LOG_LEVEL || 'info',
  format: winston.format.combine(scrub(), winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json()),
  defaultMeta: { service: 'ivr-gateway' },
  transports: [new winston.transports.Console()],
});

module.exports = { logger, maskMsisdn };
