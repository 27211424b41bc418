/**
 * Runtime configuration for the contact-flow Lambdas.
 *
 * Everything comes from the function environment, which the CDK stack fills
 * in. The defaults only exist so that `npm run local` works against LocalStack.
 */

const env = process.env;

const stage = env.STAGE ?? 'dev';
const isLocal = stage === 'local';

function optional(name: string, fallback: string): string {
  const value = env[name];
  return value && value.length > 0 ? value : fallback;
}

export const config = {
  stage,
  region: optional('AWS_REGION', 'us-east-1'),

  /** LocalStack endpoint; undefined in AWS so the SDK uses the regional endpoint. */
  awsEndpoint: isLocal ? 'http://127.0.0.1:4566' : undefined, // safe: no-plaintext-transport — LocalStack on the loopback interface, local runs only

  tables: {
    customers: optional('CUSTOMERS_TABLE', `cc-${stage}-customers`),
    callbacks: optional('CALLBACKS_TABLE', `cc-${stage}-callbacks`),
    consent: optional('CONSENT_TABLE', `cc-${stage}-consent`),
    contactLog: optional('CONTACT_LOG_TABLE', `cc-${stage}-contact-log`),
    appointments: optional('APPOINTMENTS_TABLE', `cc-${stage}-appointments`),
  },

  buckets: {
    recordingsArchive: optional('RECORDINGS_ARCHIVE_BUCKET', `cc-${stage}-recordings-archive`),
    qaVendorDrop: optional('QA_VENDOR_BUCKET', `cc-${stage}-qa-vendor-drop`),
  },

  kms: {
    piiKeyId: optional('PII_KMS_KEY_ID', 'alias/cc-pii'),
    recordingsKeyId: optional('RECORDINGS_KMS_KEY_ID', 'alias/cc-recordings'),
  },

  phoneHmacSecretId: optional('PHONE_HMAC_SECRET_ID', 'cc/phone-lookup-hmac'),

  connect: {
    instanceId: optional('CONNECT_INSTANCE_ID', ''),
    callbackFlowId: optional('CONNECT_CALLBACK_FLOW_ID', ''),
    callbackQueueId: optional('CONNECT_CALLBACK_QUEUE_ID', ''),
    /** Our own DID that outbound callbacks are presented from. */
    outboundCallerId: optional('CONNECT_OUTBOUND_CALLER_ID', '+12025550100'),
  },

  plivo: {
    authId: optional('PLIVO_AUTH_ID', ''),
    authToken: optional('PLIVO_AUTH_TOKEN', ''),
    callerId: optional('PLIVO_CALLER_ID', '+12025550101'),
    answerUrl: optional('PLIVO_ANSWER_URL', 'https://ivr.example.com/plivo/answer'), // safe: no-plaintext-transport — https answer URL
    hangupUrl: optional('PLIVO_HANGUP_URL', 'http://ivr-events.example.com/plivo/hangup'), // expect: no-plaintext-transport
  },

  crm: {
    baseUrl: optional('CRM_BASE_URL', 'http://crm-gateway.corp.example.com/api/v2'), // expect: no-plaintext-transport
    apiKey: optional('CRM_API_KEY', ''),
    timeoutMs: 4000,
  },

  sqs: {
    callbackQueueUrl: optional('CALLBACK_QUEUE_URL', 'https://sqs.us-east-1.amazonaws.com/000000000000/cc-callbacks'),
  },

  pinpoint: {
    applicationId: optional('PINPOINT_APP_ID', ''),
    originationNumber: optional('PINPOINT_ORIGINATION_NUMBER', '+12025550102'),
  },

  sns: {
    senderId: optional('SMS_SENDER_ID', 'EXAMPLECO'),
    reminderTemplateId: optional('REMINDER_TEMPLATE_ID', 'appt-reminder-v3'),
  },

  /** Public support hotline printed in SMS footers and read out by the IVR. */
  supportPhoneNumber: '+18005550199',

  maxCallbackAttempts: Number(env.MAX_CALLBACK_ATTEMPTS ?? 3),
} as const;
