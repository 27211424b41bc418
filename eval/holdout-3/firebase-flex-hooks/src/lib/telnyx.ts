import Telnyx from 'telnyx';
import { TELNYX_API_KEY, urls } from '../config';

let client: ReturnType<typeof Telnyx> | null = null;

export function telnyx() {
  if (!client) {
    client = Telnyx(TELNYX_API_KEY.value());
  }
  return client;
}

/** Long-code we rent from Telnyx for missed-call follow-ups. */
export const TELNYX_FROM = process.env.TELNYX_FROM ?? '+12025550177';

export const TELNYX_MESSAGING_PROFILE = process.env.TELNYX_MESSAGING_PROFILE ?? '';

export function telnyxWebhook(): string {
  return urls.telnyxWebhook;
}
