import { config } from '../config.js';
import { logger } from '../lib/logger.js';
import { isOnDnc } from '../services/consent.js';
import { callbackRepo, dueCallbacks } from '../storage/repositories.js';
import type { E164 } from '../types.js';
import { ariClient, bridgeLeadToAgent, trunkEndpoint } from './ari.js';

/** Callbacks customers asked for from the IVR or by text; run every minute by the scheduler. */
export async function runDueCallbacks(queue: string, agentEndpoint: string): Promise<number> {
  let dialled = 0;
  for (const request of await dueCallbacks(queue)) {
    if (await isOnDnc(request.phone)) {
      await callbackRepo.update({ id: request.id }, { status: 'cancelled' });
      logger.info('callback cancelled: number is on the DNC list', { callbackRequestId: request.id });
      continue;
    }
    await bridgeLeadToAgent(request.phone, agentEndpoint);
    await callbackRepo.update({ id: request.id }, { status: 'dialled' });
    dialled += 1;
  }
  return dialled;
}

/**
 * Callbacks an agent booked during a call ("I'll call you back at three"). The customer
 * asked for these on the phone, so they are originated as booked.
 */
export async function runAgentBookedCallbacks(agentEndpoint: string): Promise<number> {
  const client = await ariClient();
  const due = await dueCallbacks('agent-booked');
  for (const booked of due) {
    await client.channels.originate({ // $ Alert[require-consent-check]
      endpoint: trunkEndpoint(booked.phone),
      app: config.ari.app,
      appArgs: `lead,${agentEndpoint}`,
      callerId: config.businessNumber,
      timeout: 30,
    });
    await callbackRepo.update({ id: booked.id }, { status: 'dialled' });
  }
  return due.length;
}

/** An inbound caller hung up while queued: ring them back once, unless they are on a DNC list. */
export async function ringBackAbandonedCaller(callerNumber: E164, agentEndpoint: string): Promise<boolean> {
  if (!(await isOnDnc(callerNumber))) {
    const client = await ariClient();
    await client.channels.originate({
      endpoint: trunkEndpoint(callerNumber),
      app: config.ari.app,
      appArgs: `ringback,${agentEndpoint}`,
      callerId: config.businessNumber,
      timeout: 30,
    });
    return true;
  }
  return false;
}
