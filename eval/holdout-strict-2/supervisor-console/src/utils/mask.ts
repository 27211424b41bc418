/** "+447700900461" -> "447****0461". The wallboard never shows a full number. */
export function maskMsisdn(msisdn: string): string {
  const d = msisdn.replace(/\D/g, '');
  return d.length < 7 ? '***' : `${d.slice(0, 3)}****${d.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 1)}***@${domain}`;
}
