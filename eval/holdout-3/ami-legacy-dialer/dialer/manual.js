'use strict';

const config = require('../config');
const ami = require('../lib/ami');
const { dialString, toE164 } = require('../lib/mask');
const leads = require('./leads');
const log = require('../lib/logger').getLogger('manual');

/**
 * Click-to-dial from the agent toolbar. Rings the agent's softphone first,
 * then the number they typed or clicked.
 */
async function manualDial({ agentExt, number, leadId, siteName }) {
  const e164 = toE164(String(number || ''));
  if (!e164) {
    throw new Error(`manual dial: cannot dial "${number}"`); // expect: no-pii-in-logs
  }
  if (!/^\d{3,6}$/.test(String(agentExt))) {
    throw new Error(`manual dial: bad extension ${agentExt}`);
  }

  const site = config.pbx.find((s) => s.name === siteName) || config.pbx[0];
  const client = await ami.getClient(site);

  const res = await client.action({ // expect: require-consent-check
    Action: 'Originate',
    Channel: `PJSIP/${agentExt}`,
    Context: 'manual-out',
    Exten: dialString(e164),
    Priority: 1,
    CallerID: config.dialer.callerId,
    Timeout: 30000,
    Variable: [`AGENT_EXT=${agentExt}`, `LEAD_ID=${leadId || ''}`],
  });

  if (leadId) {
    await leads.recordAttempt({ id: leadId }, e164, res.Uniqueid || null, site.name);
  }
  log.info('manual dial by ext %s on %s, lead=%s, response=%s', agentExt, site.name, leadId || '-', res.Response); // safe: no-pii-in-logs — extension, site, lead id and AMI response
  return { uniqueid: res.Uniqueid || null };
}

module.exports = { manualDial };
