// Request helpers shared by the voice and SMS webhooks. They return webhook values to other files.
import type { Request } from 'express';
import twilio from 'twilio';
import { maskPhone } from '@acme/pii';

export interface InboundContext {
  callSid: string;
  origin: string;
  agentId: string | undefined;
}

/** Returns the caller's number: PII for whoever logs it (flow-cross-webhook.ts). */
export function originOf(req: Request): string {
  return req.body.From;
}

/** Returns the call SID: not PII. */
export function callRefOf(req: Request): string {
  return req.body.CallSid;
}

/** Returns a masked caller number: safe to log anywhere. */
export function displayOriginOf(req: Request): string {
  return maskPhone(req.body.From);
}

/** Returns an object with a PII property. */
export function contextOf(req: Request): InboundContext {
  return { callSid: req.body.CallSid, origin: req.body.From, agentId: req.get('x-agent-id') };
}

/** Validates the Twilio signature; returns a boolean. */
export function isGenuine(req: Request, url: string): boolean {
  const signature = req.get('x-twilio-signature') ?? '';
  return twilio.validateRequest(process.env.TWILIO_AUTH_TOKEN ?? '', signature, url, req.body);
}

/** Number of digits of the caller's number: a count, not PII. */
export function originLength(req: Request): number {
  return String(req.body.From ?? '').length;
}

/** Async variant used by the SMS webhook. */
export async function resolveReplyTarget(req: Request): Promise<string> {
  await Promise.resolve();
  return req.body.From;
}
