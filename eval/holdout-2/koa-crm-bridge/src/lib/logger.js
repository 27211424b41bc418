'use strict';

const bunyan = require('bunyan');
const config = require('../config');

/**
 * Application logger. JSON lines to stdout; the platform ships them to
 * Elasticsearch. Use child loggers with a `component` field per module.
 */
const logger = bunyan.createLogger({
  name: 'crm-bridge',
  level: process.env.LOG_LEVEL || (config.isProd ? 'info' : 'debug'),
  serializers: { err: bunyan.stdSerializers.err },
});

module.exports = logger;
