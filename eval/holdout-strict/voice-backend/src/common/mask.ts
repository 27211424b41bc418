import type { Transcript } from './types';

export function maskPhone(phone: string): string {
  return phone.length < 7 ? '***' : `${phone.slice(0, 3)}****${phone.slice(-3)}`;
}

export function last4(value: string): string {
  return value.replace(/\D/g, '').slice(-4);
}

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;
const DIGIT_RUN = /\+?\d[\d\s-]{5,}\d/g;
const SPELLED_DIGITS = /\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)[\s,-]*){6,}/gi;

/** Removes anything that looks like an email, a number or a spelled-out number. */
export function redact(text: string): string {
  return text.replace(EMAIL, '[email]').replace(DIGIT_RUN, '[number]').replace(SPELLED_DIGITS, '[number]');
}

export function redactTranscript(t: Transcript): string {
  return t.turns.map((turn) => `${turn.speaker.toUpperCase()}: ${redact(turn.text)}`).join('\n');
}
