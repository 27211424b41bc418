import type { ServerRoute } from '@hapi/hapi';
import { config } from '../config';
import { logger } from '../lib/log';
import { recordCall, recordCallForReporting } from '../db/calls';
import { textBackMissedCaller } from '../services/bandwidth';
import { sendScreenPop } from '../services/ctiBridge';
import { publishAgentState } from '../services/presence';

/** Fields of Bandwidth voice callbacks that we use. */
interface VoiceEvent {
  eventType: 'answer' | 'initiate' | 'disconnect';
  callId: string;
  from: string;
  to: string;
  direction: 'inbound' | 'outbound';
  startTime: string;
  answerTime?: string;
  endTime?: string;
  cause?: string;
  tag?: string;
}

const QUEUE_AGENT = 'queue';

function bxml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}

function escapeAttr(value: string): string {
  return value.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const bandwidthRoutes: ServerRoute[] = [
  {
    // Outbound: bridge the requested agent. Inbound: screen-pop, then the ACD queue.
    method: 'POST',
    path: '/bandwidth/voice/answer',
    options: { auth: 'bandwidth-basic' },
    handler: async (request, h) => {
      const event = request.payload as VoiceEvent;
      const agent = String(request.query.agent ?? QUEUE_AGENT);
      if (event.direction === 'inbound') {
        await sendScreenPop({ agentId: agent, callId: event.callId, callerNumber: event.from }).catch((err: Error) =>
          logger.warn('screen-pop failed', { callId: event.callId, error: err.message }),
        );
      }
      const target = `sips:${escapeAttr(agent)}@sbc.agent.example.com`;
      const xml = bxml(`<Transfer transferCallerId="${config.bandwidth.fromNumber}" tag="${escapeAttr(agent)}"><SipUri>${target}</SipUri></Transfer>`);
      return h.response(xml).type('application/xml');
    },
  },
  {
    method: 'POST',
    path: '/bandwidth/voice/disconnect',
    options: { auth: 'bandwidth-basic' },
    handler: async (request, h) => {
      const { callId, from, to, direction, startTime, answerTime, endTime, cause, tag } = request.payload as VoiceEvent;
      const remoteNumber = direction === 'inbound' ? from : to;
      const agentId = tag && tag !== QUEUE_AGENT ? tag : null;
      const durationSec = answerTime && endTime ? Math.round((Date.parse(endTime) - Date.parse(answerTime)) / 1000) : 0;
      const disposition = answerTime ? 'answered' : direction === 'inbound' ? 'missed' : 'no-answer';

      const call = { callId, agentId, direction, remoteNumber, startedAt: new Date(startTime), durationSec, disposition };
      await recordCall(call);
      await recordCallForReporting(call);
      if (agentId) publishAgentState(agentId, 'wrap-up', callId);

      if (disposition === 'missed') {
        try {
          await textBackMissedCaller(remoteNumber);
        } catch (err) {
          logger.warn(`missed-call text-back to ${remoteNumber} failed`, (err as Error).message); // expect: no-pii-in-logs
        }
      }
      logger.info('call ended', { callId, direction, cause, durationSec });
      return h.response().code(204);
    },
  },
];
