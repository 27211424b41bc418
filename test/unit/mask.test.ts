import { describe, expect, it } from 'vitest';
import { maskPiiInText, maskValue } from '../../src/engine/mask.js';

describe('maskValue', () => {
  it.each([
    ['phone', '+14155552671', '+1••••••••71'],
    ['phone', '+1 (415) 555-2671', '+1••••••••71'],
    ['phone', '+8613971234568', '+86•••••••••68'],
    ['phone', '+79164823157', '+7••••••••57'],
    ['phone', '+442079461234', '+44••••••••34'],
    ['phone', '%2B14155552671', '+1••••••••71'],
    ['phone', '13971234568', '•••••••••68'],
    ['phone', '(415) 555-2671', '••••••••71'],
    ['phone', '12345', '•••••'],
    ['national-id', '440304198506123711', '44••••••••••••••11'],
    ['national-id', '31011519870312101X', '31••••••••••••••1X'],
    ['national-id', '536-22-8726', '53•••••26'],
    ['national-id', 'AB12', '••••'],
    ['payment-card', '4539 1488 0343 6467', '••••••••••••6467'],
    ['payment-card', '345612340987656', '•••••••••••7656'],
    ['email', 'john.doe@gmail.com', 'j•••@gmail.com'],
    ['email', 'a@qq.com', 'a•••@qq.com'],
    ['call-recording', 'https://api.twilio.com/2010-04-01/Accounts/AC123/Recordings/RE123.mp3', 'https://api.twilio.com/•••'],
    ['call-recording', 's3-key/recording.wav', '•••'],
    ['caller-name', 'WIRELESS CALLER', 'W•••'],
    ['caller-name', '', ''],
  ] as const)('%s %s → %s', (kind, raw, masked) => {
    expect(maskValue(kind, raw)).toBe(masked);
  });

  it('never shows more than the country code and two digits of a phone number', () => {
    const masked = maskValue('phone', '+14155552671');
    expect(masked.replace(/\D/g, '')).toBe('171');
  });
});

describe('maskPiiInText', () => {
  it('masks recognised values by kind', () => {
    expect(maskPiiInText('call from +14155552671 ssn 536-22-8726 mail john.doe@gmail.com')).toBe(
      'call from +1••••••••71 ssn 53•••••26 mail j•••@gmail.com',
    );
  });

  it('masks a card and a resident ID inside SQL', () => {
    expect(maskPiiInText("VALUES ('4539 1488 0343 6467', '440304198506123711')")).toBe(
      "VALUES ('••••••••••••6467', '44••••••••••••••11')",
    );
  });

  it('masks any other run of seven or more digits as a safety net', () => {
    expect(maskPiiInText('order 4155552671 ref 12-34-567 code 123456')).toBe(
      'order ••••••••71 ref ••-••-•67 code 123456',
    );
    expect(maskPiiInText('fictional (202) 555-0143')).toBe('fictional (•••) •••-••43');
    expect(maskPiiInText('id:4155552671')).toBe('id:••••••••71');
  });

  it('leaves dates, times and short numbers alone', () => {
    const text = 'at 2024-01-15 10:20:30.123456789 (2024-01-15T10:20:30Z) on 15.01.2024, port 8080, v1.22.3, 42 calls';
    expect(maskPiiInText(text)).toBe(text);
  });

  it('masks digits that follow an ISO date in the same run', () => {
    expect(maskPiiInText('2024-01-15 4155552671')).toBe('2024-01-15 ••••••••71');
  });

  it('is idempotent', () => {
    const inputs = [
      'call from +14155552671 ssn 536-22-8726 mail john.doe@gmail.com',
      "VALUES ('4539 1488 0343 6467', '31011519870312101X', '13971234568@163.com')",
      'order 4155552671 ref 12-34-567 and 1700000000000',
      'to=%2B14155552671&from=%2B442079461234',
    ];
    for (const input of inputs) {
      const once = maskPiiInText(input);
      expect(maskPiiInText(once)).toBe(once);
    }
  });

  it('keeps the text about as long as it was', () => {
    const input = 'a@qq.com '.repeat(1000);
    expect(maskPiiInText(input).length).toBeLessThanOrEqual(input.length + 3 * 1000);
    const digits = '4155552671 '.repeat(1000);
    expect(maskPiiInText(digits).length).toBe(digits.length);
  });

  it('returns text without PII unchanged', () => {
    expect(maskPiiInText('logger.info(`Call ${callSid} ended`)')).toBe('logger.info(`Call ${callSid} ended`)');
  });
});
