// Product analytics for the agent desktop and the callback widget, sent to Segment.
// Segment forwards events to every connected destination: a phone number in a trait reaches all of them.
import { AnalyticsBrowser } from '@segment/analytics-next';
import { Analytics } from '@segment/analytics-node';
import express from 'express';
import twilio from 'twilio';
import { hmacPhone, maskPhone } from '@acme/pii';

interface Customer {
  id: string;
  phone: string;
  email: string;
  plan: 'basic' | 'pro';
}

interface Agent {
  id: string;
  team: string;
}

export const analytics = AnalyticsBrowser.load({ writeKey: process.env.SEGMENT_WRITE_KEY ?? '' });

export function identifyCustomer(customer: Customer): void {
  analytics.identify(customer.id, { phone: customer.phone, plan: customer.plan }); // $ Alert[no-pii-to-third-party]
  analytics.identify(customer.id, { plan: customer.plan }); // safe: id and plan only
}

export function identifyByEmail(customer: Customer): void {
  analytics.identify(customer.email, { plan: customer.plan }); // $ Alert[no-pii-to-third-party]
}

export function identifyAgent(agent: Agent): void {
  analytics.identify(agent.id, { team: agent.team }); // safe: agent id and team
}

export function callbackRequested(customer: Customer, slot: string): void {
  analytics.track('Callback Requested', {
    slot,
    callbackNumber: customer.phone, // $ Alert[no-pii-to-third-party]
  });
  analytics.track('Callback Requested', { slot, customerId: customer.id }); // safe: an id
  analytics.track('Callback Requested', { slot, numberHint: maskPhone(customer.phone) }); // safe: masked
  analytics.track('Callback Requested', { slot, numberKey: hmacPhone(customer.phone) }); // safe: keyed HMAC
}

// Server side: call events from the Twilio status webhook.
const serverAnalytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY ?? '' });
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/status', twilio.webhook(), (req, res) => {
  const { CallSid, From, CallDuration } = req.body;
  serverAnalytics.track({
    anonymousId: CallSid, // safe: call SID
    event: 'Call Completed',
    properties: { caller: From, durationSec: Number(CallDuration) }, // $ Alert[no-pii-to-third-party]
  });
  serverAnalytics.track({
    anonymousId: CallSid, // safe: call SID
    event: 'Call Completed',
    properties: { durationSec: Number(CallDuration) }, // safe: a duration
  });
  res.sendStatus(204);
});
