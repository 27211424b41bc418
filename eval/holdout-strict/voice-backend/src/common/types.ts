export type E164 = string & { readonly __brand: 'E164' };
export type NationalId = string & { readonly __brand: 'NationalId' };

/** Fields Twilio posts to a Voice webhook (application/x-www-form-urlencoded). */
export interface TwilioVoiceWebhook {
  CallSid: string;
  AccountSid: string;
  From: string;
  To: string;
  CallStatus: 'queued' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';
  Direction: 'inbound' | 'outbound-api' | 'outbound-dial';
  CallerCountry?: string;
  ApiVersion: string;
}

export interface TwilioStatusCallback extends TwilioVoiceWebhook {
  CallDuration?: string;
  RecordingSid?: string;
  SequenceNumber?: string;
}

export interface TwilioSmsWebhook {
  MessageSid: string;
  AccountSid: string;
  From: string;
  To: string;
  Body: string;
  NumMedia: string;
}

export interface CallerProfile {
  customerId: string;
  crmId: string;
  phone: E164;
  email: string;
  segment: 'consumer' | 'smb' | 'enterprise';
  vip: boolean;
}

export interface KycSubmission {
  customerId: string;
  nationalId: NationalId;
  passportNumber?: string;
  taxId?: string;
  dateOfBirth: string;
}

export interface TranscriptTurn {
  speaker: 'agent' | 'customer';
  text: string;
  startMs: number;
}

export interface Transcript {
  callSid: string;
  startedAt: number;
  turns: TranscriptTurn[];
}

export interface CallbackTicket {
  id: string;
  phone: E164;
  customerId?: string;
  slot: string;
}
