import type { PropagatorModel, SanitizerModel } from '../types.js';
import { mod, mods, named } from './api.js';

/**
 * What ends a flow. Masking is enough for logs; storage needs encryption, tokenization or a keyed
 * HMAC. A plain unkeyed hash is deliberately absent: the phone-number space is small enough to enumerate.
 */
export const sanitizers: readonly SanitizerModel[] = [
  {
    id: 'mask-by-name',
    purpose: 'mask',
    names: [
      '^(mask|redact|obfuscate|anonymi[sz]e|pseudonymi[sz]e|scrub|censor|hide|truncate|partial)',
      '(Mask|Redact|Masked|Redacted|Obfuscate|Obfuscated|Anonymi[sz]e|Anonymi[sz]ed|Scrub|Scrubbed|Censor)',
      '^(last4|lastFour|lastDigits|tail)',
    ],
  },
  {
    id: 'encrypt-by-name',
    purpose: 'encrypt',
    names: [
      '^(encrypt|cipher|seal|tokeni[sz]e|vault|hmac|protect|envelope)',
      '(Encrypt|Encrypted|Cipher|Tokeni[sz]e|Tokeni[sz]ed|Hmac|HMAC|Seal|Sealed)',
      '^(pseudonymi[sz]e|blindIndex)',
      // A pseudonym helper (`phonePseudonym(phone)`, `pseudonymFor(id)`); anchored so `findByPseudonym` stays a lookup.
      '(Pseudonym|Pseudonymi[sz]ed?)$',
      '^pseudonym(For|Of)?$',
    ],
  },
  {
    id: 'node-crypto',
    purpose: 'encrypt',
    calls: [
      ...mods(['crypto', 'node:crypto'], 'createCipheriv().{update,final}'),
      ...mods(['crypto', 'node:crypto'], '{publicEncrypt,privateEncrypt}'),
      ...mods(['crypto', 'node:crypto'], 'createHmac().update().digest'),
      ...mods(['crypto', 'node:crypto'], 'createHmac().update'),
      named('.', 'createCipheriv().update'),
      named('.', 'createHmac().update().digest'),
      named('.', 'createHmac().update'),
      named('^(subtle|crypto\\.subtle)$', 'encrypt'),
    ],
  },
  {
    id: 'kms',
    purpose: 'encrypt',
    calls: [
      mod('@aws-sdk/client-kms', 'new EncryptCommand()'),
      named('^(kms|KMS|\\w*Kms|\\w*KMS|vault|\\w*Vault)$', '{encrypt,tokenize,seal}'),
    ],
  },
  {
    id: 'slow-hash',
    purpose: 'encrypt',
    calls: [mod('bcrypt', '{hash,hashSync}'), mod('bcryptjs', '{hash,hashSync}'), mod('argon2', 'hash'), ...mods(['crypto', 'node:crypto'], '{scrypt,scryptSync,pbkdf2,pbkdf2Sync}')],
  },
];

/** Calls whose result carries the taint of their arguments. */
export const propagators: PropagatorModel = {
  calls: [
    mod('csv-stringify', 'stringify'),
    mod('csv-stringify/sync', 'stringify'),
    mod('json2csv', 'parse'),
    mod('json2csv', 'new Parser().parse'),
    mod('@json2csv/plainjs', 'new Parser().parse'),
    mod('papaparse', 'unparse'),
    mod('papaparse', 'default.unparse'),
    mod('util', 'format'),
    mod('node:util', 'format'),
    mod('util', 'inspect'),
    mod('node:util', 'inspect'),
    mod('libphonenumber-js', '{parsePhoneNumber,parsePhoneNumberFromString,parsePhoneNumberWithError,formatNumber}'),
    // Text to bytes before hashing: `sha256(utf8ToBytes(idNumber))` hashes the ID.
    ...mods(['@noble/hashes/utils', '@noble/hashes/utils.js'], '{utf8ToBytes,toBytes}'),
  ],
  names: ['^(toCsv|toCSV|stringify|unparse|format\\w*|normali[sz]e\\w*|toE164|e164|clean\\w*|trim\\w*|strip\\w*|parsePhone\\w*|utf8ToBytes|toUtf8Bytes|stringToBytes|strToU8|utf8Encode|encodeUtf8)$'],
};
