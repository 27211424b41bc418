export type CallbackStatus = 'pending' | 'dialing' | 'completed' | 'failed' | 'cancelled';

export type Channel = 'sms' | 'voice';

export interface CallbackRequestInput {
  customerName: string;
  phone: string;
  email?: string;
  reason: string;
  preferredWindow: 'asap' | 'morning' | 'afternoon' | 'evening';
  marketingOptIn: boolean;
}

export interface CallbackTicket {
  id: string;
  status: CallbackStatus;
  numberOfAttempts: number;
  preferredWindow: string;
  createdAt: string;
}

export interface CustomerProfile {
  crmId: string;
  fullName: string;
  email: string;
  mobile: string;
  tier: 'standard' | 'gold' | 'platinum';
  phoneVerified: boolean;
}

export interface VonageInboundMessage {
  message_uuid: string;
  to: string;
  from: string;
  channel: 'sms' | 'whatsapp' | 'mms';
  message_type: string;
  text?: string;
  timestamp: string;
}

export interface VonageVoiceEvent {
  uuid: string;
  conversation_uuid: string;
  status: 'started' | 'ringing' | 'answered' | 'busy' | 'cancelled' | 'failed' | 'rejected' | 'timeout' | 'unanswered' | 'completed';
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  timestamp: string;
  duration?: string;
}

export interface DeviceInfo {
  phoneModel: string;
  osVersion: string;
  callerIdEnabled: boolean;
}
