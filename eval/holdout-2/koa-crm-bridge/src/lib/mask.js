'use strict';

/**
 * Masks a phone number for display and logs: keeps the country code and the
 * last two digits, e.g. "+1******43".
 */
function maskPhone(value) {
  if (!value) return '';
  const s = String(value);
  if (s.length <= 4) return '****';
  return `${s.slice(0, 2)}${'*'.repeat(s.length - 4)}${s.slice(-2)}`;
}

module.exports = { maskPhone };
