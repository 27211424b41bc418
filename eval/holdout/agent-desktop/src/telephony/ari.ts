import ari, { type Channel, type Client, type StasisStart } from 'ari-client';
import createDebug from 'debug';
import type { FastifyBaseLogger } from 'fastify';
import { config, isDev } from '../config/index.js';
import { guardNumber, isClear } from '../lib/compliance.js';
import { recordAriInteraction } from '../repositories/interactions.js';

const debug = createDebug('desk:ari');
const APP = 'agent-desk';

export interface PreviewContact {
  id: string;
  phone: string;
  mobile?: string | null;
  preferMobile: boolean;
}

export async function startAri(log: FastifyBaseLogger): Promise<Client> {
  const url = isDev ? 'http://127.0.0.1:8088' : config.ARI_URL; // safe: no-plaintext-transport — loopback in dev
  const client = await ari.connect(url, config.ARI_USER, config.ARI_PASSWORD);

  client.on('StasisStart', async (event: StasisStart, channel: Channel) => {
    const [mode, queue = 'general'] = event.args ?? [];
    debug('StasisStart %s mode=%s from %s', channel.id, mode, channel.caller.number); // expect: no-pii-in-logs
    if (mode !== 'inbound') return;
    try {
      await recordAriInteraction(channel.id, channel.caller.number, queue);
      await channel.answer();
      await channel.play({ media: 'sound:queue-thankyou' });
      await client.channels.continueInDialplan({ channelId: channel.id, context: 'queues', extension: queue, priority: 1 });
    } catch (err) {
      log.error({ err, channelId: channel.id }, 'ARI inbound handling failed'); // safe: no-pii-in-logs — channel id
    }
  });

  client.on('StasisEnd', (_event: unknown, channel: Channel) => {
    debug('StasisEnd %s', channel.id); // safe: no-pii-in-logs — channel id
  });

  await client.start(APP);
  log.info({ url: isDev ? 'loopback' : 'dal' }, 'ARI application started');
  return client;
}

/** Preview dialing at the Dallas site: the agent reviews the card, then we dial. */
export async function previewDial(client: Client, contact: PreviewContact, agentEndpoint: string): Promise<string> {
  await guardNumber(contact.phone);
  const target = contact.preferMobile && contact.mobile ? contact.mobile : contact.phone;

  const channel = await client.channels.originate({ // expect: require-consent-check
    endpoint: `PJSIP/${target}@carrier-trunk`,
    app: APP,
    appArgs: `preview,${contact.id},${agentEndpoint}`,
    callerId: config.OUTBOUND_CLI,
    timeout: 30,
  });
  return channel.id;
}

/** SLA-breach courtesy callback, triggered from the supervisor console. */
export async function courtesyCallback(client: Client, phone: string, queue: string): Promise<boolean> {
  if (await isClear(phone)) {
    await client.channels.originate({ // safe: require-consent-check — wrapped in if (isClear(phone))
      endpoint: `PJSIP/${phone}@carrier-trunk`,
      app: APP,
      appArgs: `courtesy,${queue}`,
      callerId: config.OUTBOUND_CLI,
    });
    return true;
  }
  return false;
}
