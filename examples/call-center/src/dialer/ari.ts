import ari from 'ari-client';
import { config, primaryTrunk } from '../config.js';
import { logger, maskPhone } from '../lib/logger.js';
import { findAccountByCallerId } from '../storage/repositories.js';
import { claimAvailableAgent, publishScreenPop, rememberAgentForCaller } from '../storage/session-cache.js';
import type { E164 } from '../types.js';

/** The parts of ari-client's channel we use. */
export interface AriChannel {
  id: string;
  caller: { number: string; name: string };
  hangup(): Promise<void>;
  continueInDialplan(params: { context: string; extension: string; priority: number }): Promise<void>;
}

interface StasisStartEvent {
  args: string[];
}

export interface AriClient {
  channels: {
    originate(params: { endpoint: string; app: string; appArgs?: string; callerId?: string; timeout?: number }): Promise<AriChannel>;
  };
  on(event: 'StasisStart', handler: (event: StasisStartEvent, channel: AriChannel) => void): void;
  start(app: string): Promise<void>;
}

let connecting: Promise<AriClient> | undefined;

async function connect(): Promise<AriClient> {
  const client: AriClient = await ari.connect(config.ari.url, config.ari.username, config.ari.password);
  client.on('StasisStart', (event, channel) => void onStasisStart(event, channel));
  await client.start(config.ari.app);
  return client;
}

/** Connects once per process and starts the Stasis application the dialplan hands calls to. */
export function ariClient(): Promise<AriClient> {
  connecting ??= connect();
  return connecting;
}

/** Dial string for a number over the primary carrier trunk. */
export function trunkEndpoint(phone: E164): string {
  return `PJSIP/${phone}@${primaryTrunk().name}`;
}

/**
 * Rings a lead and, once answered, bridges the agent's endpoint in. Consent is the
 * caller's job: preview dialling and scheduled callbacks both check before calling this.
 */
export async function bridgeLeadToAgent(phone: E164, agentEndpoint: string): Promise<string> {
  const client = await ariClient();
  const channel = await client.channels.originate({
    endpoint: trunkEndpoint(phone),
    app: config.ari.app,
    appArgs: `lead,${agentEndpoint}`,
    callerId: config.businessNumber,
    timeout: 30,
  });
  return channel.id;
}

async function onStasisStart(event: StasisStartEvent, channel: AriChannel): Promise<void> {
  const [role] = event.args;
  if (role === 'lead' || role === 'ringback') {
    logger.info('outbound leg answered', { channelId: channel.id, role });
    return;
  }

  // Inbound calls the dialplan hands to us: find the account, pick an agent, screen-pop, route.
  logger.info('ARI inbound call', { channelId: channel.id, caller: maskPhone(channel.caller.number) });
  try {
    const account = await findAccountByCallerId(channel.caller.number);
    const agent = await claimAvailableAgent(account ? 'billing' : 'sales');
    if (!agent) {
      await channel.continueInDialplan({ context: 'queues', extension: account ? 'billing' : 'sales', priority: 1 });
      return;
    }
    await publishScreenPop(agent.agentId, channel.id, channel.caller.number, account?.id);
    await rememberAgentForCaller(channel.caller.number, agent.agentId);
    await channel.continueInDialplan({ context: 'agents', extension: agent.extension, priority: 1 });
  } catch (err) {
    console.error(`ARI inbound handling failed for ${channel.caller.number}`, err); // $ Alert[no-pii-in-logs]
    await channel.hangup();
  }
}
