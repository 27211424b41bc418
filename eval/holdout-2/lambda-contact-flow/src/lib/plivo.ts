import * as plivo from 'plivo';
import { config } from '../config';
import type { E164 } from '../types';

/** Shared Plivo REST client (one per container). */
export const plivoClient = new plivo.Client(config.plivo.authId, config.plivo.authToken);

export interface PlacedCall {
  requestUuid: string;
}

/**
 * Dial a customer for a web-requested callback. Plivo fetches the answer URL
 * when the customer picks up; it bridges them into the callback queue.
 */
export async function placeCallbackCall(to: E164, requestId: string): Promise<PlacedCall> {
  const response = await plivoClient.calls.create( // safe: require-consent-check — only caller is callbackWorker.processJob, which returns early unless assertCallable(phone) passes
    config.plivo.callerId,
    to,
    `${config.plivo.answerUrl}?requestId=${encodeURIComponent(requestId)}`,
    {
      answerMethod: 'POST',
      hangupUrl: config.plivo.hangupUrl,
      hangupMethod: 'POST',
      timeLimit: 1800,
      ringTimeout: 35,
    },
  );
  return { requestUuid: String(response.requestUuid) };
}
