import { defineSecret, defineString } from 'firebase-functions/params';

export const TWILIO_ACCOUNT_SID = defineString('TWILIO_ACCOUNT_SID');
export const TWILIO_AUTH_TOKEN = defineSecret('TWILIO_AUTH_TOKEN');
export const TELNYX_API_KEY = defineSecret('TELNYX_API_KEY');
export const PII_SEAL_KEY = defineSecret('PII_SEAL_KEY');
export const PII_LOOKUP_KEY = defineSecret('PII_LOOKUP_KEY');

export const REGION = 'us-central1';

/** Caller ID for outbound voice and SMS. */
export const OUTBOUND_NUMBER = process.env.OUTBOUND_NUMBER ?? '+12025550111';

/** Main support line printed in SMS footers. */
export const SUPPORT_HOTLINE = '+18885550123';

export const FLEX_WORKSPACE_SID = process.env.FLEX_WORKSPACE_SID ?? 'WS00000000000000000000000000000000';

const FUNCTIONS_BASE = process.env.FUNCTIONS_BASE_URL ?? 'https://us-central1-flex-hooks-prod.cloudfunctions.net';

export const urls = {
  callbackTwiml: `${FUNCTIONS_BASE}/callbackTwiml`,
  recordingStatus: `${FUNCTIONS_BASE}/recordingStatus`,
  voiceStatus: process.env.VOICE_STATUS_URL ?? 'http://hooks.flex-cc.example.com/twilio/voice-status', // expect: no-plaintext-transport
  telnyxWebhook: process.env.TELNYX_WEBHOOK_URL ?? 'https://hooks.flex-cc.example.com/telnyx/events',
  emulatorBase: 'http://127.0.0.1:5001/flex-hooks-dev/us-central1', // safe: no-plaintext-transport — loopback emulator
  wallboardUpstream: process.env.WALLBOARD_UPSTREAM ?? 'wss://realtime.flex-cc.example.com/v1/stream', // safe: no-plaintext-transport — wss
  floorDisplays: process.env.FLOOR_DISPLAYS ?? 'ws://wallboard.floor2.flex-cc.example.com:8080/push', // expect: no-plaintext-transport
  crmBase: process.env.CRM_BASE_URL ?? 'https://crm.flex-cc.example.com/api',
};

export const topics = {
  callEvents: 'call-events',
  missedCalls: 'missed-calls',
};

export const collections = {
  tasks: 'flexTasks',
  callbacks: 'callbackRequests',
  consents: 'consents',
  recordings: 'recordings',
  missedCalls: 'missedCalls',
  appointments: 'appointments',
  smsLog: 'smsLog',
};
