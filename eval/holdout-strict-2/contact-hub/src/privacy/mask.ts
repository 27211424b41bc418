/** "+447700900461" -> "+44******0461". Keeps the country code for routing dashboards. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '***';
  return `+${digits.slice(0, 2)}${'*'.repeat(digits.length - 6)}${digits.slice(-4)}`;
}

export function maskId(idNumber: string): string {
  const v = idNumber.replace(/\s/g, '');
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

export function last4(value: string): string {
  return value.replace(/\D/g, '').slice(-4);
}

const PHONE_LIKE = /\+?\d[\d\s().-]{8,}\d/g;
const CN_ID_LIKE = /\b\d{17}[\dXx]\b/g;
const EMAIL_LIKE = /[\w.+-]+@[\w-]+\.[\w.]+/g;

/** Applied to every transcript before it leaves our network (LLM, QA vendors). */
export function redactTranscript(text: string): string {
  return text.replace(CN_ID_LIKE, '[ID]').replace(EMAIL_LIKE, '[EMAIL]').replace(PHONE_LIKE, '[NUMBER]');
}
