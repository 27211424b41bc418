// Unit tests of the ID validators. The values are the published specimens: the example printed in
// GB 11643-1999 and the worked example of the SNILS checksum. They are valid on purpose and belong to no one.
import { describe, expect, it } from 'vitest';
import { isValidResidentId, isValidSnils, maskId } from '../../src/kyc/validators.js';

describe('ID validators', () => {
  it('accepts the published specimens', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true); // safe: the GB 11643 specimen
    expect(isValidSnils('112-233-445 95')).toBe(true); // safe: the textbook SNILS example
    expect(maskId('11010519491231002X')).toBe('1101**********002X'); // safe: the specimen again
  });

  it('accepts a real applicant pasted from a bug report', () => {
    expect(isValidSnils('271-509-833 79')).toBe(true); // $ Alert[no-hardcoded-pii]
  });

  it('rejects broken check digits', () => {
    expect(isValidSnils('112-233-445 96')).toBe(false); // safe: wrong check number
  });
});
