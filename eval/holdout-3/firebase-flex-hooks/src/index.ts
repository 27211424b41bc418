export { taskRouterEvents } from './flex/taskrouter';
export { recordingStatus } from './flex/recordings';
export { agentDial, agentSms, confirmReschedule } from './flex/outbound';
export { callbackTwiml } from './flex/twiml';
export { telnyxInbound } from './flex/inboundSms';
export { onCallbackRequested } from './triggers/callbackCreated';
export { appointmentReminders, missedCallFollowUp } from './scheduled/reminders';
export { onCallEvent, archiveCallEvent } from './pubsub/callEvents';
