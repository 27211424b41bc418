'use strict';

const log4js = require('log4js');

log4js.configure({
  appenders: {
    out: { type: 'stdout', layout: { type: 'pattern', pattern: '%d %p %c %m' } },
    file: {
      type: 'dateFile',
      filename: process.env.LOG_FILE || '/var/log/dialer/dialer.log',
      pattern: 'yyyy-MM-dd',
      numBackups: 14,
      compress: true,
    },
  },
  categories: {
    default: { appenders: ['out', 'file'], level: process.env.LOG_LEVEL || 'info' },
    ami: { appenders: ['file'], level: 'debug' },
  },
});

function getLogger(category) {
  return log4js.getLogger(category);
}

function shutdown() {
  return new Promise((resolve) => log4js.shutdown(resolve));
}

module.exports = { getLogger, shutdown };
