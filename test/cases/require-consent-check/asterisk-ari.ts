// Progressive dialer as an Asterisk ARI (Stasis) application.
import ari from 'ari-client';
import type { Channel, Client, StasisStart } from 'ari-client';
import { dnc, hasConsent } from '@acme/compliance';

interface Lead {
  id: string;
  phone: string;
  campaignId: string;
}

const APP = 'outbound-dialer';
const TRUNK = 'carrier-one';
const CALLER_ID = process.env.OUTBOUND_CALLER_ID ?? '';

export async function startDialer(): Promise<Client> {
  const client = await ari.connect(process.env.ARI_URL ?? '', process.env.ARI_USER ?? '', process.env.ARI_PASSWORD ?? '');
  client.on('StasisStart', (_event: StasisStart, channel: Channel) => {
    void channel.answer(); // safe: answers the channel that entered the app
  });
  await client.start(APP);
  return client;
}

export async function originateLead(client: Client, lead: Lead): Promise<Channel> {
  return client.channels.originate({ // $ Alert[require-consent-check]
    endpoint: `PJSIP/${lead.phone}@${TRUNK}`,
    app: APP,
    appArgs: `lead,${lead.id}`,
    callerId: CALLER_ID,
    timeout: 30,
  });
}

export async function originateLeadChecked(client: Client, lead: Lead): Promise<Channel | undefined> {
  if (!(await dnc.isListed(lead.phone))) {
    return client.channels.originate({ endpoint: `PJSIP/${lead.phone}@${TRUNK}`, app: APP, callerId: CALLER_ID }); // safe: inside DNC check
  }
  return undefined;
}

// Channel object first, then originate: the pattern from the ARI examples.
export async function originateViaChannel(client: Client, customerNumber: string): Promise<void> {
  const outgoing = client.Channel();
  outgoing.once('StasisStart', () => void outgoing.answer());
  await outgoing.originate({ endpoint: `PJSIP/${customerNumber}@${TRUNK}`, app: APP, appArgs: 'dialed' }); // $ Alert[require-consent-check]
}

export async function originateViaChannelChecked(client: Client, customerNumber: string): Promise<void> {
  if (!(await hasConsent(customerNumber))) return;
  const outgoing = client.Channel();
  await outgoing.originate({ endpoint: `PJSIP/${customerNumber}@${TRUNK}`, app: APP, appArgs: 'dialed' }); // safe: consent early return
}

// Power dialing a batch: every lead is dialled, none is checked.
export async function dialBatch(client: Client, leads: Lead[]): Promise<void> {
  await Promise.all(
    leads.map((lead) =>
      client.channels.originate({ endpoint: `PJSIP/${lead.phone}@${TRUNK}`, app: APP, appArgs: `lead,${lead.id}` }), // $ Alert[require-consent-check]
    ),
  );
}

// Not dialling: bridging, hanging up and listing existing channels.
export async function bridgeToAgent(client: Client, customer: Channel, agent: Channel): Promise<void> {
  const bridge = await client.bridges.create({ type: 'mixing' }); // safe: creates a bridge
  await bridge.addChannel({ channel: [customer.id, agent.id] }); // safe: joins existing channels
}

export async function hangUp(client: Client, channelId: string): Promise<void> {
  await client.channels.hangup({ channelId }); // safe: hangs up
}

export async function activeChannelCount(client: Client): Promise<number> {
  const channels = await client.channels.list(); // safe: listing
  return channels.length;
}
