import { CallsApi, Configuration, MessagesApi, type CreateCall, type MessageRequest } from 'bandwidth-sdk';
import { config } from '../config';
import { debugBandwidth } from '../lib/log';
import { smsAllowed } from './compliance';

const bwConfig = new Configuration({ username: config.bandwidth.username, password: config.bandwidth.password });
export const callsApi = new CallsApi(bwConfig);
const messagesApi = new MessagesApi(bwConfig);

export interface OutboundCall {
  callId: string;
}

export function callBody(to: string, answerUrl: string): CreateCall {
  return {
    to,
    from: config.bandwidth.fromNumber,
    applicationId: config.bandwidth.voiceApplicationId,
    answerUrl,
    disconnectUrl: config.bandwidth.disconnectUrl,
    callTimeout: 30,
  };
}

/**
 * Place a call to a customer and bridge the agent's WebRTC leg in when the
 * customer answers (see the answer webhook).
 */
export async function createAgentCall(to: string, agentId: string): Promise<OutboundCall> {
  const answerUrl = `${config.bandwidth.answerUrl}?agent=${encodeURIComponent(agentId)}`;
  const { data } = await callsApi.createCall(config.bandwidth.accountId, callBody(to, answerUrl)); // safe: require-consent-check — both callers (POST /api/dial and POST /api/preview/{contactId}/accept) run assertDialable(to) first
  debugBandwidth('created call %s to %s for agent %s', data.callId, to, agentId); // expect: no-pii-in-logs
  return { callId: data.callId ?? '' };
}

/** Send a booking link by SMS, if the customer may be texted. Returns the message id or null. */
export async function sendBookingLink(to: string, link: string): Promise<string | null> {
  if (!(await smsAllowed(to))) return null;
  const request: MessageRequest = {
    applicationId: config.bandwidth.messagingApplicationId,
    to: [to],
    from: config.bandwidth.fromNumber,
    text: `Book your follow-up here: ${link}`,
    tag: 'booking-link',
  };
  const { data } = await messagesApi.createMessage(config.bandwidth.accountId, request); // safe: require-consent-check — returns early above unless smsAllowed(to)
  return data.id ?? null;
}

/** "Sorry we missed you" text to an inbound caller who hung up before an agent answered. */
export async function textBackMissedCaller(to: string): Promise<string> {
  const request: MessageRequest = {
    applicationId: config.bandwidth.messagingApplicationId,
    to: [to],
    from: config.bandwidth.fromNumber,
    text: `Sorry we missed your call! An agent will call you back shortly, or call us at ${config.supportPhoneNumber}.`,
    tag: 'missed-call',
  };
  const { data } = await messagesApi.createMessage(config.bandwidth.accountId, request); // expect: require-consent-check
  return data.id ?? '';
}
