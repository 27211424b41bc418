'use strict';

const fs = require('fs');
const path = require('path');

function readCa(file) {
  if (!file) return undefined;
  return fs.readFileSync(path.resolve(file));
}

const env = process.env.NODE_ENV || 'development';

module.exports = {
  env,

  mysql: {
    host: process.env.MYSQL_HOST || '127.0.0.1',
    port: Number(process.env.MYSQL_PORT || 3306),
    user: process.env.MYSQL_USER || 'dialer',
    password: process.env.MYSQL_PASSWORD || '',
    database: process.env.MYSQL_DATABASE || 'dialer',
    connectionLimit: 20,
    ssl: { ca: readCa(process.env.MYSQL_CA), minVersion: 'TLSv1.2', rejectUnauthorized: true }, // safe: no-plaintext-transport — verified TLS 1.2+
  },

  // Two PBX sites. Site A was rebuilt last year; site B still runs the old
  // OpenSSL build, which is why its floor is lower.
  pbx: [
    {
      name: 'site-a',
      host: process.env.AMI_A_HOST || 'pbx-a.cc.example-bpo.com',
      port: 5039,
      username: process.env.AMI_A_USER || 'dialer',
      secret: process.env.AMI_A_SECRET || '',
      tls: { minVersion: 'TLSv1.2', ca: readCa(process.env.AMI_CA) }, // safe: no-plaintext-transport — TLS 1.2 floor
      trunk: 'PJSIP/carrier-a',
    },
    {
      name: 'site-b',
      host: process.env.AMI_B_HOST || 'pbx-b.cc.example-bpo.com',
      port: 5039,
      username: process.env.AMI_B_USER || 'dialer',
      secret: process.env.AMI_B_SECRET || '',
      tls: { minVersion: 'TLSv1', ca: readCa(process.env.AMI_CA) }, // expect: no-plaintext-transport
      trunk: 'SIP/carrier-b',
    },
  ],

  dialer: {
    cycleMs: Number(process.env.DIALER_CYCLE_MS || 4000),
    maxRatio: 2.5,
    maxAttempts: 4,
    callerId: process.env.DIALER_CALLER_ID || '+12025550100',
    context: 'outbound-predictive',
    agentContext: 'agents',
    originateTimeoutMs: 30000,
  },

  leadFeedUrl: process.env.LEAD_FEED_URL || 'http://leads.vendor-feed.example.net/export/daily.csv', // expect: no-plaintext-transport
  metricsPushUrl: process.env.METRICS_URL || 'http://127.0.0.1:9091/metrics/job/dialer', // safe: no-plaintext-transport — loopback push gateway
  controlApi: { host: '127.0.0.1', port: Number(process.env.CONTROL_PORT || 7070) },

  reports: {
    dir: process.env.REPORT_DIR || '/var/spool/dialer/reports',
    clientFtpUrl: process.env.CLIENT_FTP_URL || 'ftp://reports:reports@ftp.client-acme.example.com/dialer', // expect: no-plaintext-transport
    sftpUrl: process.env.SFTP_URL || 'sftp://dialer@sftp.client-globex.example.com:22/inbox',
  },

  smtp: {
    reports: {
      host: process.env.SMTP_HOST || 'smtp.example-bpo.com',
      port: 587,
      secure: false, // safe: no-plaintext-transport — STARTTLS enforced by requireTLS below
      requireTLS: true,
      auth: { user: process.env.SMTP_USER || 'reports', pass: process.env.SMTP_PASS || '' },
    },
    alerts: {
      host: process.env.ALERT_RELAY || 'relay.cc.example-bpo.com',
      port: 25,
      secure: false, // expect: no-plaintext-transport
      tls: { rejectUnauthorized: true },
    },
  },

  supportLine: '+18005550142',
};
