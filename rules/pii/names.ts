/**
 * Which identifier names denote PII. Names are split into lower-case words (camelCase,
 * snake_case, kebab-case, UPPER_SNAKE); a name is PII when a term below is its head noun:
 * only `preservingSuffixes` may follow the term, no `nonPiiWords` may appear elsewhere in
 * the name, and the first word is not one of `nonPiiPrefixes`.
 *
 *   customerPhone, phone_number, PHONE_E164, callerId   → PII (phone)
 *   phoneVerified, phoneCountryCode, isPhoneVerified      → not PII (a flag or metadata)
 *   maskedPhone, phoneHash, supportPhone, testPhone       → not PII (already safe, or not personal)
 */
import type { PiiKind, PiiNameKnowledge, PiiTerm } from '../types.js';

type TermSpec = string | readonly string[];

/** Terms of one kind; `plural` adds the plural of the last word (phone → phones). */
function terms(kind: PiiKind, specs: readonly TermSpec[], options: { plural?: boolean } = {}): PiiTerm[] {
  const out: PiiTerm[] = [];
  for (const spec of specs) {
    const words = typeof spec === 'string' ? [spec] : [...spec];
    out.push({ kind, words });
    if (options.plural) {
      const last = words[words.length - 1] as string;
      if (!last.endsWith('s')) out.push({ kind, words: [...words.slice(0, -1), `${last}s`] });
    }
  }
  return out;
}

const phoneTerms: PiiTerm[] = [
  ...terms(
    'phone',
    [
      'phone', ['phone', 'number'], 'phonenumber', 'telephone', ['telephone', 'number'], 'tel',
      'mobile', ['mobile', 'number'], ['mobile', 'phone'], 'cellphone', ['cell', 'phone'],
      ['cell', 'number'], 'msisdn', 'callerid', ['caller', 'id'], ['caller', 'number'],
      ['callee', 'number'], ['called', 'number'], ['calling', 'number'], ['dialed', 'number'],
      ['dialled', 'number'], ['destination', 'number'], ['contact', 'number'], ['callback', 'number'],
      'whatsapp', ['whatsapp', 'number'], 'e164', 'landline', 'fax', ['fax', 'number'],
      // transliterations: Chinese pinyin, Russian, German/Scandinavian/Spanish/Portuguese
      'shouji', 'shoujihao', ['shouji', 'hao'], ['shouji', 'haoma'], 'dianhua', ['dianhua', 'haoma'],
      'telefon', 'telefona', 'telefono', 'telefone', 'telefonnummer', 'rufnummer',
      ['nomer', 'telefona'], ['nomer', 'tel'],
    ],
    { plural: true },
  ),
  ...terms('phone', ['ani']),
  { kind: 'phone', words: ['cell'], wholeNameOnly: true },
  // Webhook fields of telephony frameworks (Twilio From/To/Caller/Called, Vonage from/to).
  ...(['from', 'to', 'caller', 'called', 'callee'] as const).map(
    (word): PiiTerm => ({ kind: 'phone', words: [word], telephonyOnly: true, wholeNameOnly: true }),
  ),
  // `toNumber(x)` and `fromNumber(x)` are conversions outside telephony code.
  { kind: 'phone', words: ['from', 'number'] },
  { kind: 'phone', words: ['to', 'number'] },
  // The other party of a call, and the sender of an inbound SMS (Pinpoint/SNS `originationNumber`).
  ...terms('phone', [['remote', 'number'], ['origination', 'number'], ['originating', 'number'], ['sender', 'number']], { plural: true }),
  // MessageBird names the sender of an inbound SMS `originator` and the number a delivery report is about `recipient`.
  ...(['originator', 'recipient', 'recipients'] as const).map((word): PiiTerm => ({ kind: 'phone', words: [word], telephonyOnly: true, wholeNameOnly: true })),
];

const nationalIdTerms: PiiTerm[] = terms(
  'national-id',
  [
    'ssn', ['social', 'security', 'number'], ['social', 'security', 'no'], ['social', 'security'],
    ['id', 'card'], ['id', 'number'], ['id', 'no'], ['id', 'card', 'number'], ['id', 'card', 'no'],
    ['national', 'id'], ['national', 'id', 'number'], ['national', 'insurance', 'number'], 'nino',
    ['citizen', 'id'], ['resident', 'id'], ['identity', 'number'], ['identity', 'card'], ['identity', 'document'],
    'passport', ['passport', 'number'], ['passport', 'no'], ['tax', 'id'], ['taxpayer', 'id'],
    'inn', 'snils', 'aadhaar', 'aadhar', 'pesel', 'cpf',
    ['driver', 'license'], ['drivers', 'license'], ['driving', 'licence'], ['driving', 'license'],
    'sfz', 'sfzh', 'sfzhm', 'shenfenzheng', 'shenfenzhenghao', ['shenfenzheng', 'hao'],
  ],
  { plural: true },
);

const emailTerms: PiiTerm[] = terms(
  'email',
  ['email', ['email', 'address'], ['email', 'addr'], ['e', 'mail'], ['e', 'mail', 'address'], ['mail', 'address']],
  { plural: true },
);

const cardTerms: PiiTerm[] = [
  ...terms(
    'payment-card',
    [
      ['card', 'number'], ['card', 'no'], ['card', 'num'], ['card', 'pan'], ['credit', 'card'],
      ['credit', 'card', 'number'], ['debit', 'card'], ['debit', 'card', 'number'], ['cc', 'number'],
      ['primary', 'account', 'number'], 'pan',
    ],
    { plural: true },
  ),
  ...terms('payment-card', ['cvv', 'cvc', 'cvn', 'ccv', ['card', 'cvv'], ['card', 'cvc']]),
];

const recordingTerms: PiiTerm[] = terms(
  'call-recording',
  [
    'recording', ['recording', 'url'], ['recording', 'uri'], ['recording', 'file'], ['recording', 'path'],
    ['recording', 'link'], ['recording', 'audio'], ['call', 'recording'],
    ['voice', 'recording'], ['audio', 'recording'], 'voicemail', ['voicemail', 'url'], ['voicemail', 'audio'],
  ],
  { plural: true },
);

const callerNameTerms: PiiTerm[] = [
  ...terms('caller-name', [['caller', 'name'], ['caller', 'id', 'name'], ['callerid', 'name'], 'cnam'], {
    plural: true,
  }),
  { kind: 'caller-name', words: ['caller', 'display', 'name'] },
];

export const piiNames: PiiNameKnowledge = {
  terms: [...phoneTerms, ...nationalIdTerms, ...emailTerms, ...cardTerms, ...recordingTerms, ...callerNameTerms],

  // Words after a term that still name the value itself (all-digit words like `phone2` also count).
  preservingSuffixes: [
    'e164', 'intl', 'international', 'national', 'local',
    'raw', 'plain', 'plaintext', 'cleartext', 'decrypted', 'unmasked',
    'normalized', 'normalised', 'formatted', 'parsed', 'clean', 'cleaned', 'sanitized', 'sanitised',
    'trimmed', 'stripped', 'canonical', 'digits', 'full', 'original', 'orig',
    'str', 'string', 'text', 'value', 'val', 'number', 'numbers', 'no', 'nos', 'num', 'nr', 'nomer', 'hao', 'haoma',
    'list', 'array', 'arr', 'set',
    'new', 'old', 'prev', 'previous', 'current', 'next', 'primary', 'secondary', 'alt',
    'alternate', 'alternative', 'other', 'home', 'work', 'personal', 'private', 'mobile', 'cell',
  ],

  // Words that turn the name into something about the value rather than the value, or a
  // value that is not personal data (a company's own support number, a test fixture).
  nonPiiWords: [
    // metadata and checks
    'model', 'verified', 'verification', 'confirmed', 'count', 'counter', 'regex', 'regexp', 're', 'pattern',
    'validator', 'validation', 'format', 'formatter', 'type', 'kind', 'country', 'code', 'prefix', 'region',
    'label', 'field', 'column', 'col', 'enabled', 'disabled', 'required', 'optional', 'length', 'len', 'status',
    'state', 'template', 'placeholder', 'error', 'errors', 'hint', 'message', 'msg', 'schema', 'mode',
    'config', 'settings', 'option', 'options', 'flag', 'visible', 'visibility',
    // already protected
    'mask', 'masked', 'masking', 'hash', 'hashed', 'token', 'tokens', 'tokenized', 'tokenised', 'encrypted',
    'enc', 'cipher', 'ciphertext', 'hmac', 'digest', 'redacted', 'obfuscated', 'anonymized', 'anonymised',
    'pseudonymized', 'pseudonymised', 'fingerprint', 'last2', 'last4', 'suffix',
    // identifiers and handles that are not the value
    'id', 'ids', 'sid', 'sids', 'uuid', 'guid', 'key', 'keys', 'ref', 'index', 'idx',
    // technical surroundings
    'provider', 'carrier', 'os', 'app', 'version', 'book', 'size', 'limit', 'ttl', 'duration', 'timeout',
    'channel', 'channels', 'track', 'tracks', 'bucket', 'extension', 'ext',
    // not personal data
    'support', 'company', 'business', 'office', 'hotline', 'helpdesk', 'sales', 'service', 'available',
    'twilio', 'vonage', 'nexmo', 'plivo', 'telnyx', 'sinch',
    'test', 'tests', 'example', 'sample', 'dummy', 'fake', 'mock', 'demo', 'fixture', 'stub',
  ],

  // A first word that makes the name a flag, a count, an action, or an already protected value.
  nonPiiPrefixes: [
    'is', 'has', 'have', 'had', 'should', 'can', 'could', 'will', 'would', 'must', 'may', 'might', 'did',
    'does', 'do', 'was', 'were', 'are', 'allow', 'allows', 'enable', 'disable', 'show', 'hide', 'toggle',
    'need', 'needs', 'requires', 'supports', 'no', 'without',
    'num', 'n', 'count', 'total', 'max', 'min', 'number', 'last4',
    'masked', 'hashed', 'encrypted', 'redacted', 'tokenized', 'tokenised', 'obfuscated', 'anonymized',
    'anonymised', 'pseudonymized', 'pseudonymised', 'scrubbed', 'hmac',
    'validate', 'verify', 'check', 'send', 'dial', 'mask', 'hash', 'encrypt', 'redact', 'tokenize', 'tokenise',
    'obfuscate', 'anonymize', 'anonymise', 'scrub', 'on', 'handle', 'render', 'set', 'update', 'delete',
    'remove', 'clear', 'reset',
  ],
};
