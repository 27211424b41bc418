'use strict';

const config = require('../config');
const ami = require('../lib/ami');
const { pool } = require('../lib/db');
const dnc = require('../lib/dnc');
const { dialString } = require('../lib/mask');
const leads = require('./leads');
const log = require('../lib/logger').getLogger('predictive');

// ActionID-less bookkeeping: campaignId -> Set of lead ids with a live originate
const inFlight = new Map();

function trackStart(campaignId, leadId) {
  if (!inFlight.has(campaignId)) inFlight.set(campaignId, new Set());
  inFlight.get(campaignId).add(leadId);
}

function trackEnd(campaignId, leadId) {
  const set = inFlight.get(campaignId);
  if (set) set.delete(leadId);
}

function inFlightFor(campaignId) {
  const set = inFlight.get(campaignId);
  return set ? set.size : 0;
}

function pickSite(campaign) {
  return config.pbx.find((s) => s.name === campaign.site) || config.pbx[0];
}

async function availableAgents(client, queue) {
  const summary = await client.queueStatus(queue);
  return Number(summary.Available || 0);
}

async function originateLead(client, site, campaign, lead) {
  trackStart(campaign.id, lead.id);
  try {
    const res = await client.action( // safe: require-consent-check — its only caller passes leads through dnc.filterDialable first
      {
        Action: 'Originate',
        Channel: `${site.trunk}/${dialString(lead.phone)}`,
        Context: config.dialer.context,
        Exten: campaign.queue,
        Priority: 1,
        CallerID: `"${campaign.displayName}" <${config.dialer.callerId}>`,
        Timeout: config.dialer.originateTimeoutMs,
        Async: 'true',
        Variable: [`LEAD_ID=${lead.id}`, `CAMPAIGN_ID=${campaign.id}`],
      },
      config.dialer.originateTimeoutMs + 5000,
    );
    await leads.recordAttempt(lead, lead.phone, res.Uniqueid || null, site.name);
  } finally {
    trackEnd(campaign.id, lead.id);
  }
}

/** One pacing cycle for one campaign. Returns how many leads were dialled. */
async function runCycle(campaign) {
  const site = pickSite(campaign);
  const client = await ami.getClient(site);

  const agents = await availableAgents(client, campaign.queue);
  const ratio = Math.min(campaign.dialRatio, config.dialer.maxRatio);
  const wanted = Math.floor(agents * ratio) - inFlightFor(campaign.id);
  if (wanted <= 0) {
    log.debug('campaign %s: nothing to do (agents=%d, inFlight=%d)', campaign.id, agents, inFlightFor(campaign.id));
    return 0;
  }

  const batch = await leads.nextBatch(campaign.id, wanted, config.dialer.maxAttempts);
  const dialable = await dnc.filterDialable(batch);

  let dialled = 0;
  for (const lead of dialable) {
    try {
      await originateLead(client, site, campaign, lead);
      dialled += 1;
    } catch (err) {
      log.error('originate failed for lead %d on %s: %s', lead.id, site.name, err.message);
    }
  }

  log.info('cycle campaign=%s agents=%d wanted=%d batch=%d dialled=%d', campaign.id, agents, wanted, batch.length, dialled);
  return dialled;
}

/**
 * Second pass on leads that did not pick up: try the alternate number the
 * vendor gave us.
 */
async function recycleNoAnswers(campaign) {
  const site = pickSite(campaign);
  const client = await ami.getClient(site);
  const [rows] = await pool.execute(
    `SELECT id, phone_e164, alt_phone, attempts FROM leads
      WHERE campaign_id = ? AND last_disposition = 'NO_ANSWER' AND alt_phone IS NOT NULL AND alt_tried = 0
      LIMIT 25`,
    [campaign.id],
  );

  for (const row of rows) {
    if (await dnc.isBlocked(row.phone_e164)) continue;

    await client.action({ // expect: require-consent-check
      Action: 'Originate',
      Channel: `${site.trunk}/${dialString(row.alt_phone)}`,
      Context: config.dialer.context,
      Exten: campaign.queue,
      Priority: 1,
      CallerID: `"${campaign.displayName}" <${config.dialer.callerId}>`,
      Async: 'true',
      Variable: [`LEAD_ID=${row.id}`, `CAMPAIGN_ID=${campaign.id}`, 'ALT=1'],
    });
    await pool.execute('UPDATE leads SET alt_tried = 1 WHERE id = ?', [row.id]);
  }
}

/**
 * Calls that were answered but dropped because no agent was free get one
 * quick retry (abandon-rate rules give us two minutes).
 */
async function retryAbandoned(campaign) {
  const site = pickSite(campaign);
  const client = await ami.getClient(site);
  const [rows] = await pool.execute(
    `SELECT a.id, a.lead_id, l.phone_e164 FROM abandoned_calls a JOIN leads l ON l.id = a.lead_id
      WHERE l.campaign_id = ? AND a.retried = 0 AND a.abandoned_at > DATE_SUB(UTC_TIMESTAMP(), INTERVAL 2 MINUTE)`,
    [campaign.id],
  );

  for (const row of rows) {
    if (await dnc.isBlocked(row.phone_e164)) {
      await pool.execute("UPDATE abandoned_calls SET retried = 1, outcome = 'DNC' WHERE id = ?", [row.id]);
      continue;
    }

    await client.action({ // safe: require-consent-check — DNC check with continue just above
      Action: 'Originate',
      Channel: `${site.trunk}/${dialString(row.phone_e164)}`,
      Context: config.dialer.context,
      Exten: campaign.queue,
      Priority: 1,
      CallerID: `"${campaign.displayName}" <${config.dialer.callerId}>`,
      Async: 'true',
      Variable: [`LEAD_ID=${row.lead_id}`, `CAMPAIGN_ID=${campaign.id}`, 'ABANDON_RETRY=1'],
    });
    await pool.execute("UPDATE abandoned_calls SET retried = 1, outcome = 'RETRIED' WHERE id = ?", [row.id]);
  }
}

/** Places a short test call to our own support line to prove the trunk works. */
async function testTrunk(site) {
  const client = await ami.getClient(site);
  const res = await client.action({ // safe: require-consent-check — dials the company's own support line, not a customer
    Action: 'Originate',
    Channel: `${site.trunk}/${dialString(config.supportLine)}`,
    Application: 'Playback',
    Data: 'tt-monkeys',
    CallerID: config.dialer.callerId,
    Timeout: 15000,
  });
  log.info('trunk test on %s: %s', site.name, res.Response);
  return res.Response === 'Success';
}

module.exports = { runCycle, recycleNoAnswers, retryAbandoned, testTrunk, inFlightFor };
