import type { Timestamp } from 'firebase-admin/firestore';

/** Attributes Flex/Studio puts on a voice task. */
export interface VoiceTaskAttributes {
  type: 'inbound' | 'callback' | 'outbound';
  from: string;
  to: string;
  caller: string;
  name?: string;
  call_sid: string;
  direction: 'inbound' | 'outbound';
  account_number?: string;
  conversations?: { external_contact?: string; abandoned?: 'Yes' | 'No'; queue_time?: number };
}

export interface TaskRouterEvent {
  EventType: string;
  TaskSid?: string;
  TaskAttributes?: string;
  TaskQueueName?: string;
  WorkerSid?: string;
  WorkerName?: string;
  WorkspaceSid: string;
  TaskAge?: string;
  Timestamp: string;
}

export interface CallbackRequestDoc {
  phone: string;
  customerName: string;
  reason: string;
  source: 'ivr' | 'web' | 'agent';
  status: 'new' | 'dialling' | 'done' | 'blocked' | 'failed';
  numberOfAttempts: number;
  callSid?: string;
  createdAt: Timestamp;
}

export interface ConsentDoc {
  phoneHash: string;
  sms: 'granted' | 'revoked' | 'unknown';
  voice: 'granted' | 'revoked' | 'unknown';
  updatedAt: Timestamp;
  source: string;
}

export interface AppointmentDoc {
  customerId: string;
  mobile: string;
  startsAt: Timestamp;
  branch: string;
  smsTemplateId: string;
  reminderSent?: boolean;
}

export interface CallEventMessage {
  callSid: string;
  taskSid?: string;
  event: 'queued' | 'answered' | 'abandoned' | 'completed';
  caller: string;
  queue?: string;
  waitSeconds?: number;
}
