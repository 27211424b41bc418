import twilio from 'twilio';
import { config } from '../config.js';

/** One REST client per process; the SDK keeps its own HTTPS connection pool. */
export const twilioClient = twilio(config.twilio.accountSid, config.twilio.authToken);

export const { VoiceResponse, MessagingResponse } = twilio.twiml;

/** Rejects webhook requests whose X-Twilio-Signature does not match (skipped on localhost). */
export const validateTwilioSignature = twilio.webhook({ validate: config.env === 'production' });
