import type { Call } from '@twilio/voice-sdk';
import type { E164 } from './types';

/** The caller's number as Twilio hands it to the browser client. */
export function callerNumber(call: Call): E164 {
  return call.parameters.From as E164;
}

export function callSidOf(call: Call): string {
  return call.parameters.CallSid;
}

export function isInternalTransfer(call: Call): boolean {
  return call.customParameters.get('transfer') === 'internal';
}
