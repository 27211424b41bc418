'use strict';

/** Very small E.164 helper; the heavy lifting happens in the CRM. */
function normalize(raw, defaultCc = '44') {
  if (raw == null) return null;
  let s = String(raw).replace(/[\s().-]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (s.startsWith('0')) s = `+${defaultCc}${s.slice(1)}`;
  if (!s.startsWith('+')) s = `+${s}`;
  return /^\+[1-9]\d{7,14}$/.test(s) ? s : null;
}

function mask(phone) {
  if (!phone || phone.length < 7) return '***';
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 6)}${phone.slice(-3)}`;
}

function last4(value) {
  return String(value).replace(/\D/g, '').slice(-4);
}

function countryOf(phone) {
  if (phone.startsWith('+44')) return 'GB';
  if (phone.startsWith('+1')) return 'US';
  if (phone.startsWith('+7')) return 'RU';
  if (phone.startsWith('+86')) return 'CN';
  return 'ZZ';
}

module.exports = { normalize, mask, last4, countryOf };
