'use strict';

/**
 * Minimal Asterisk Manager Interface client. We used asterisk-manager for years
 * but it could not do TLS or correlate ActionIDs, so this replaced it.
 */

const tls = require('tls');
const { EventEmitter } = require('events');
const log = require('./logger').getLogger('ami');

let actionSeq = 0;

function serialize(fields) {
  const lines = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const v of value) lines.push(`${key}: ${v}`);
    } else {
      lines.push(`${key}: ${value}`);
    }
  }
  return lines.join('\r\n') + '\r\n\r\n';
}

function parseMessage(raw) {
  const msg = {};
  for (const line of raw.split('\r\n')) {
    const idx = line.indexOf(':');
    if (idx <= 0) continue;
    msg[line.slice(0, idx).trim()] = line.slice(idx + 1).trim();
  }
  return msg;
}

class AmiClient extends EventEmitter {
  constructor(site) {
    super();
    this.site = site;
    this.socket = null;
    this.buffer = '';
    this.pending = new Map();
    this.connected = false;
  }

  connect() {
    return new Promise((resolve, reject) => {
      const { host, port, tls: tlsOptions } = this.site;
      this.socket = tls.connect({ host, port, servername: host, ...tlsOptions }, () => {
        log.info('connected to %s (%s:%d)', this.site.name, host, port);
        this.connected = true;
        resolve();
      });
      this.socket.setEncoding('utf8');
      this.socket.on('data', (chunk) => this.onData(chunk));
      this.socket.on('error', (err) => {
        log.error('socket error on %s: %s', this.site.name, err.message);
        if (!this.connected) reject(err);
        this.emit('error', err);
      });
      this.socket.on('close', () => {
        this.connected = false;
        this.emit('close');
      });
    }).then(() => this.login());
  }

  onData(chunk) {
    this.buffer += chunk;
    let end;
    while ((end = this.buffer.indexOf('\r\n\r\n')) !== -1) {
      const raw = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 4);
      const msg = parseMessage(raw);
      if (msg.ActionID && this.pending.has(msg.ActionID) && msg.Response) {
        const { resolve, reject } = this.pending.get(msg.ActionID);
        this.pending.delete(msg.ActionID);
        if (msg.Response === 'Error') reject(Object.assign(new Error(msg.Message || 'AMI error'), { ami: msg }));
        else resolve(msg);
      } else if (msg.Event) {
        this.emit('event', msg);
        this.emit(msg.Event, msg);
      }
    }
  }

  /** Sends one action and resolves with its Response. */
  action(fields, timeoutMs = 10000) {
    if (!this.connected) return Promise.reject(new Error(`AMI ${this.site.name} not connected`));
    const ActionID = `${this.site.name}-${Date.now()}-${++actionSeq}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(ActionID);
        reject(new Error(`AMI action ${fields.Action} timed out`));
      }, timeoutMs);
      this.pending.set(ActionID, {
        resolve: (msg) => {
          clearTimeout(timer);
          resolve(msg);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      });
      this.socket.write(serialize({ ...fields, ActionID }));
    });
  }

  login() {
    return this.action({ Action: 'Login', Username: this.site.username, Secret: this.site.secret, Events: 'call,agent' });
  }

  async queueStatus(queue) {
    return this.action({ Action: 'QueueSummary', Queue: queue });
  }

  close() {
    if (this.socket) this.socket.end(serialize({ Action: 'Logoff' }));
  }
}

const clients = new Map();

async function getClient(site) {
  if (clients.has(site.name)) return clients.get(site.name);
  const client = new AmiClient(site);
  await client.connect();
  clients.set(site.name, client);
  client.on('close', () => clients.delete(site.name));
  return client;
}

module.exports = { AmiClient, getClient };
