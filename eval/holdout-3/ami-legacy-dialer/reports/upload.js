'use strict';

const path = require('path');
const ftp = require('basic-ftp');
const SftpClient = require('ssh2-sftp-client');
const config = require('../config');
const log = require('../lib/logger').getLogger('upload');

/** Acme still collects reports from their FTP drop. */
async function uploadToClientFtp(file) {
  const url = new URL(config.reports.clientFtpUrl);
  const client = new ftp.Client(30000);
  try {
    await client.access({
      host: url.hostname,
      port: Number(url.port || 21),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      secure: url.protocol === 'ftps:',
    });
    await client.ensureDir(url.pathname);
    await client.uploadFrom(file, path.basename(file));
    log.info('uploaded %s to %s', path.basename(file), url.hostname);
  } finally {
    client.close();
  }
}

/** Globex takes SFTP with a pinned host key. */
async function uploadToClientSftp(file) {
  const url = new URL(config.reports.sftpUrl);
  const sftp = new SftpClient();
  try {
    await sftp.connect({
      host: url.hostname,
      port: Number(url.port || 22),
      username: decodeURIComponent(url.username),
      privateKey: process.env.SFTP_PRIVATE_KEY,
      hostVerifier: (key) => key.toString('base64') === process.env.SFTP_HOST_KEY,
    });
    await sftp.put(file, path.posix.join(url.pathname, path.basename(file)));
    log.info('sftp upload %s done', path.basename(file));
  } finally {
    await sftp.end();
  }
}

module.exports = { uploadToClientFtp, uploadToClientSftp };
