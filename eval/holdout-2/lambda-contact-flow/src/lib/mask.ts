/** Masking helpers for anything that ends up in CloudWatch. */

export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '(none)';
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '****';
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

export function last4(value: string | null | undefined): string {
  return (value ?? '').replace(/\D/g, '').slice(-4);
}
