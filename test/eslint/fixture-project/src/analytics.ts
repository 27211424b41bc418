// Product analytics and number lookups: the privacy rules (in configs.recommended since they proved their precision).
import { createHash, createHmac } from 'node:crypto';
import { Analytics } from '@segment/analytics-node';

const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY ?? '' });

export async function trackCall(leadId: string, phoneNumber: string): Promise<string> {
  const phoneDigest = createHash('sha256').update(phoneNumber).digest('hex'); // $ Alert[no-reversible-pii-hash]
  const phoneKey = createHmac('sha256', process.env.LOOKUP_KEY ?? '').update(phoneNumber).digest('hex'); // safe: keyed HMAC
  await fetch(`https://api.acme-contact.com/lookup?phone=${phoneNumber}`); // $ Alert[no-pii-in-url]
  await fetch(`https://api.acme-contact.com/lookup/${phoneKey}`); // safe: a keyed token
  analytics.track({ userId: leadId, event: 'Lead Called', properties: { phone: phoneNumber } }); // $ Alert[no-pii-to-third-party]
  analytics.track({ userId: leadId, event: 'Lead Called' }); // safe: no PII
  return phoneDigest;
}
