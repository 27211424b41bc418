'use strict';

const http = require('http');
const cron = require('node-cron');
const config = require('./config');
const ami = require('./lib/ami');
const db = require('./lib/db');
const { addToDnc } = require('./lib/dnc');
const { hmacPhone } = require('./lib/crypto');
const { maskNumber, toE164 } = require('./lib/mask');
const { shutdown, getLogger } = require('./lib/logger');
const events = require('./dialer/events');
const predictive = require('./dialer/predictive');
const callbacks = require('./dialer/callbacks');
const { manualDial } = require('./dialer/manual');
const leads = require('./dialer/leads');
const exportJobs = require('./reports/export');
const { mailReport, sendAlert } = require('./reports/mailer');
const { uploadToClientFtp, uploadToClientSftp } = require('./reports/upload');

const log = getLogger('main');

// Site B's PBX still presents the self-signed cert from the 2019 install.
if (process.env.LEGACY_PBX_CERTS === '1') {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: no-plaintext-transport
}

let campaigns = [];
let stopping = false;

async function loadCampaigns() {
  const [rows] = await db.pool.query(
    "SELECT id, display_name, queue, site, dial_ratio FROM campaigns WHERE status = 'ACTIVE' AND mode = 'PREDICTIVE'",
  );
  campaigns = rows.map((r) => ({ id: r.id, displayName: r.display_name, queue: r.queue, site: r.site, dialRatio: Number(r.dial_ratio) }));
  log.info('loaded %d active campaigns', campaigns.length);
}

async function pacingLoop() {
  while (!stopping) {
    for (const campaign of campaigns) {
      try {
        await predictive.runCycle(campaign);
        await predictive.retryAbandoned(campaign);
      } catch (err) {
        log.error('cycle failed for campaign %s: %s', campaign.id, err.message);
      }
    }
    await new Promise((r) => setTimeout(r, config.dialer.cycleMs));
  }
}

async function pushMetrics() {
  const body = campaigns.map((c) => `dialer_in_flight{campaign="${c.id}"} ${predictive.inFlightFor(c.id)}`).join('\n') + '\n';
  try {
    await fetch(config.metricsPushUrl, { method: 'POST', body });
  } catch (err) {
    log.warn('metrics push failed: %s', err.message);
  }
}

async function importVendorFeed(campaignId) {
  const res = await fetch(config.leadFeedUrl);
  if (!res.ok) throw new Error(`lead feed returned ${res.status}`);
  const text = await res.text();
  const [header, ...lines] = text.trim().split('\n');
  const cols = header.split(',');
  let imported = 0;
  for (const line of lines) {
    const values = line.split(',');
    const raw = Object.fromEntries(cols.map((c, i) => [c.trim(), (values[i] || '').trim()]));
    if (await leads.importLead(campaignId, raw)) imported += 1;
  }
  log.info('vendor feed: %d of %d leads imported into campaign %s', imported, lines.length, campaignId);
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch (err) {
        reject(err);
      }
    });
  });
}

function send(res, status, payload) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}

// Control API for the agent toolbar. Bound to loopback; the toolbar talks to
// it through the local nginx, which terminates TLS.
const controlServer = http.createServer(async (req, res) => {
  try {
    if (req.method === 'POST' && req.url === '/manual-dial') {
      const body = await readJson(req);
      log.info(`manual dial requested by ext ${body.agentExt} to ${maskNumber(String(body.number || ''))}`);
      const result = await manualDial(body);
      return send(res, 200, result);
    }

    if (req.method === 'POST' && req.url === '/dnc') {
      const body = await readJson(req);
      const phone = toE164(String(body.number || ''));
      if (!phone) return send(res, 400, { error: 'bad number' });
      await addToDnc(phone, 'agent-toolbar', body.agentId);
      await exportJobs.appendDncAudit(hmacPhone(phone), 'agent-toolbar', body.agentId);
      log.info('DNC request from agent %s for %s', body.agentId, maskNumber(phone)); // safe: no-pii-in-logs — masked number
      return send(res, 204, {});
    }

    if (req.method === 'GET' && req.url === '/health') {
      const ok = await db.ping();
      return send(res, ok ? 200 : 503, { ok, campaigns: campaigns.length });
    }

    send(res, 404, { error: 'not found' });
  } catch (err) {
    log.error('control api error on %s: %s', req.url, err.message);
    send(res, 500, { error: 'internal' });
  }
});

async function nightlyReports() {
  const day = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  for (const campaign of campaigns) {
    const full = await exportJobs.exportDispositions(campaign.id, day);
    await mailReport(full, `Dispositions ${campaign.displayName} ${day}`);

    const summary = await exportJobs.exportClientSummary(campaign.id, day);
    if (campaign.site === 'site-a') await uploadToClientFtp(summary);
    else await uploadToClientSftp(summary);
  }
  await exportJobs.exportAttemptLog(day);
}

async function main() {
  await db.ping();
  for (const site of config.pbx) {
    const client = await ami.getClient(site);
    events.attach(client, site.name);
    client.on('close', () => sendAlert(`AMI connection to ${site.name} closed`));
  }

  await loadCampaigns();
  controlServer.listen(config.controlApi.port, config.controlApi.host, () => {
    log.info('control api on %s:%d', config.controlApi.host, config.controlApi.port);
  });

  cron.schedule('*/5 * * * *', loadCampaigns);
  cron.schedule('* * * * *', () => callbacks.runDueCallbacks().catch((e) => log.error('callbacks: %s', e.message)));
  cron.schedule('*/15 * * * *', () => Promise.all(campaigns.map((c) => predictive.recycleNoAnswers(c))).catch((e) => log.error('recycle: %s', e.message)));
  cron.schedule('*/1 * * * *', pushMetrics);
  cron.schedule('30 2 * * *', () => nightlyReports().catch((e) => sendAlert(`nightly reports failed: ${e.message}`)));
  cron.schedule('0 5 * * *', () => Promise.all(campaigns.map((c) => importVendorFeed(c.id))).catch((e) => log.error('feed: %s', e.message)));
  cron.schedule('0 6 * * 1', async () => {
    for (const site of config.pbx) {
      const ok = await predictive.testTrunk(site).catch(() => false);
      if (!ok) await sendAlert(`trunk test failed on ${site.name}`);
    }
  });

  pacingLoop();
}

async function stop() {
  stopping = true;
  controlServer.close();
  await db.pool.end();
  await shutdown();
  process.exit(0);
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);

main().catch((err) => {
  log.fatal('startup failed: %s', err.message);
  process.exit(1);
});
