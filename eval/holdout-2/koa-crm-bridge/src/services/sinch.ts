import { SinchClient } from '@sinch/sdk-core';
import config from '../config';

export const sinchClient = new SinchClient({
  projectId: config.sinch.projectId,
  keyId: config.sinch.keyId,
  keySecret: config.sinch.keySecret,
  smsRegion: config.sinch.region,
});

/** Win-back SMS with a one-time discount code. Returns the Sinch batch id. */
export async function sendWinBackOffer(to: string, offerCode: string): Promise<string> {
  const batch = await sinchClient.sms.batches.send({ // expect: require-consent-check
    sendSMSRequestBody: {
      to: [to],
      from: config.sinch.from,
      body: `We miss you! Use code ${offerCode} for 20% off your next plan. Reply STOP to opt out.`,
      delivery_report: 'summary',
    },
  });
  return batch.id ?? '';
}
