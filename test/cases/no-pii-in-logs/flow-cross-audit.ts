// Shared audit helpers used by several webhooks. The helpers don't know what they are given:
// whether a line leaks depends on what callers in other files pass in (see flow-cross-webhook.ts).
import winston from 'winston';
import { maskPhone } from '@acme/pii';

const audit = winston.createLogger({
  defaultMeta: { stream: 'audit' },
  transports: [new winston.transports.File({ filename: 'audit.log' })],
});

export type AuditAction = 'inbound' | 'transfer' | 'hangup' | 'callback';

/** Called with a caller's number from flow-cross-webhook.ts. */
export function auditTrail(action: AuditAction, subject: string): void {
  audit.info(`${action}: ${subject}`); // $ Alert[no-pii-in-logs]
}

/** Only ever called with call SIDs and agent ids. */
export function auditRef(action: AuditAction, reference: string): void {
  audit.info(`${action}: ref ${reference}`); // safe: callers pass only SIDs
}

/** Masks before logging, so any caller is fine. */
export function auditMasked(action: AuditAction, subject: string): void {
  audit.info(`${action}: ${maskPhone(subject)}`); // safe: masked here
}

/** Counts only. */
export function auditCount(action: AuditAction, count: number): void {
  audit.info(`${action}: ${count} events`); // safe: a number
}

/** Builds a line for the caller to log; the sink is in the caller's file. */
export function formatAuditLine(action: AuditAction, subject: string): string {
  return `${new Date().toISOString()} ${action} ${subject}`;
}

/** Logs a structured event object built by the caller. */
export function auditEvent(event: Record<string, unknown>): void {
  audit.info('event', event); // $ Alert[no-pii-in-logs]
}

/** Logs a structured event without the payload. */
export function auditEventShape(event: Record<string, unknown>): void {
  audit.info('event keys', Object.keys(event)); // safe: only the key names
}
