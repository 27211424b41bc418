import type { LiveCall } from '../types/domain';

/** Fire-and-forget telemetry when a supervisor leaves a monitored call or closes the tab. */
export function reportMonitorEnded(callSid: string, durationMs: number): void {
  navigator.sendBeacon(`/api/telemetry/monitor-ended?call=${callSid}&ms=${Math.round(durationMs)}`); // safe: no-pii-in-url — call SID and a duration
}

export function reportHangupReason(call: LiveCall, reason: string): void {
  navigator.sendBeacon(`/api/telemetry/hangup?caller=${encodeURIComponent(call.ani)}&reason=${encodeURIComponent(reason)}`); // expect: no-pii-in-url
}

export function reportQaFlag(call: LiveCall, note: string): void {
  navigator.sendBeacon('/api/qa/flags', new Blob([JSON.stringify({ callSid: call.callSid, ani: call.ani, note })], { type: 'application/json' })); // safe: no-pii-in-url — number in the beacon body
}
