// Outbound legs on Asterisk ARI and FreeSWITCH. An `endpoint` option is a URL for a webhook client, but on a
// PBX it is a dial string: the number in `PJSIP/…@trunk` is where the call goes, not part of a request.
import type { Client } from 'ari-client';

interface Callback {
  id: string;
  phone: string;
  queue: string;
}

const TRUNK = 'carrier-trunk';
const EVENTS = 'https://pbx-events.acme-contact.com';

export async function dialCallback(client: Client, callback: Callback): Promise<string> {
  const channel = await client.channels.originate({
    endpoint: `PJSIP/${callback.phone}@${TRUNK}`, // safe: an Asterisk dial string
    app: 'callbacks',
    appArgs: `callback,${callback.id}`,
  });
  return channel.id;
}

export async function dialViaLocal(client: Client, callback: Callback): Promise<string> {
  const channel = await client.channels.originate({
    endpoint: 'Local/' + callback.phone + '@from-internal', // safe: a Local channel dial string
    app: 'callbacks',
  });
  return channel.id;
}

export function freeswitchLeg(callback: Callback): { endpoint: string } {
  return { endpoint: `sofia/gateway/${TRUNK}/${callback.phone}` }; // safe: a FreeSWITCH dial string
}

export function eventSubscription(callback: Callback): { endpoint: string; queue: string } {
  return { endpoint: `${EVENTS}/hooks/callback?to=${callback.phone}`, queue: callback.queue }; // $ Alert[no-pii-in-url]
}

export function eventSubscriptionById(callback: Callback): { endpoint: string; queue: string } {
  return { endpoint: `${EVENTS}/hooks/callback?ref=${callback.id}`, queue: callback.queue }; // safe: an id
}
