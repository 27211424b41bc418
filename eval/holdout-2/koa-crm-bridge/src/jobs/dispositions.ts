import log from '../lib/logger';
import { CallLog } from '../db/models';
import { publishCallAnalytics } from '../lib/kafka';
import { consumeLegacyDispositions } from '../lib/amqp';

/** Message the legacy predictive dialer publishes when a call ends. */
export interface LegacyDisposition {
  callId: string;
  contactId: string | null;
  campaignId: string | null;
  agentId: string | null;
  dialedNumber: string;
  attempt: number;
  disposition: 'ANSWERED' | 'NO_ANSWER' | 'BUSY' | 'VOICEMAIL' | 'FAILED';
  durationSec: number;
  endedAt: string;
}

async function onDisposition(d: LegacyDisposition): Promise<void> {
  await CallLog.create({
    contactId: d.contactId,
    campaignId: d.campaignId,
    direction: 'outbound',
    dialedNumber: d.dialedNumber,
    numberOfAttempts: d.attempt,
    providerCallId: d.callId,
    disposition: d.disposition,
    durationSec: d.durationSec,
  });
  await publishCallAnalytics({
    callId: d.callId,
    contactId: d.contactId,
    campaignId: d.campaignId,
    agentId: d.agentId,
    disposition: d.disposition,
    durationSec: d.durationSec,
    endedAt: d.endedAt,
  });
  log.debug({ callId: d.callId, disposition: d.disposition, numberOfAttempts: d.attempt }, 'disposition stored');
}

export async function startDispositionConsumer(): Promise<void> {
  await consumeLegacyDispositions(onDisposition);
}
