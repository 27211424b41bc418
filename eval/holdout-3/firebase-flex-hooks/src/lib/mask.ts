export function maskPhone(phone: string | undefined | null): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '****';
  return `+${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

export function maskName(name: string | undefined | null): string {
  if (!name) return '';
  return name
    .split(/\s+/)
    .map((part) => (part ? `${part[0]}.` : ''))
    .join(' ');
}

export function toE164(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (trimmed.startsWith('client:') || trimmed.startsWith('sip:')) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+') && digits.length >= 8) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return null;
}
