import { describe, expect, it } from 'vitest';
import { splitWords } from '../../src/engine/classify/words.js';

describe('splitWords', () => {
  it.each([
    ['phone', ['phone']],
    ['customerPhone', ['customer', 'phone']],
    ['CustomerPhone', ['customer', 'phone']],
    ['phone_number', ['phone', 'number']],
    ['PHONE_NUMBER', ['phone', 'number']],
    ['phone-number', ['phone', 'number']],
    ['callerID', ['caller', 'id']],
    ['callerId', ['caller', 'id']],
    ['SSNValue', ['ssn', 'value']],
    ['MSISDN', ['msisdn']],
    ['userIDs', ['user', 'ids']],
    ['parseHTTPResponse', ['parse', 'http', 'response']],
    ['phone2', ['phone', '2']],
    ['phoneE164', ['phone', 'e164']],
    ['e164', ['e164']],
    ['E164_PHONE', ['e164', 'phone']],
    ['last4', ['last4']],
    ['cardLast4', ['card', 'last4']],
    ['sha256Hash', ['sha256', 'hash']],
    ['address1', ['address', '1']],
    ['nomer_telefona', ['nomer', 'telefona']],
    ['_privatePhone', ['private', 'phone']],
    ['$phone', ['phone']],
    ['req.body.From', ['req', 'body', 'from']],
    ['innerHTML', ['inner', 'html']],
    ['cvv2', ['cvv', '2']],
    ['téléphone', ['téléphone']],
    ['', []],
    ['__', []],
  ])('%s', (name, words) => {
    expect(splitWords(name)).toEqual(words);
  });
});
