/**
 * Splits identifiers into lower-case words so names can be compared word by word:
 * `customerPhoneE164` → customer, phone, e164; `SSNValue` → ssn, value; `nomer_telefona` → nomer, telefona.
 */

/**
 * Letter+digit words that mean one thing and must stay whole. Otherwise trailing digits
 * are split off (`phone2` → phone, 2) so the letters can still be recognised.
 */
const DIGIT_WORDS: ReadonlySet<string> = new Set([
  'last2', 'last3', 'last4', 'last6', 'first4', 'first6', 'first8',
  'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'md5', 'crc32',
  'base32', 'base58', 'base64', 'utf8', 'utf16', 'ipv4', 'ipv6',
  'http2', 'http3', 'oauth2', 'x509', 'iso8601', 'pkcs7', 'pkcs8', 'aes256',
]);

const enum CharClass {
  Other,
  Lower,
  Upper,
  Digit,
}

function classOf(code: number): CharClass {
  if (code >= 97 && code <= 122) return CharClass.Lower;
  if (code >= 65 && code <= 90) return CharClass.Upper;
  if (code >= 48 && code <= 57) return CharClass.Digit;
  // Non-ASCII letters (Cyrillic, accented Latin) count as lower-case letters; CJK ideographs too.
  if (code > 127) {
    const ch = String.fromCharCode(code);
    if (ch !== ch.toLowerCase()) return CharClass.Upper;
    if (ch !== ch.toUpperCase() || /\p{L}/u.test(ch)) return CharClass.Lower;
  }
  return CharClass.Other;
}

/** Splits one run of letters and digits (no separators) at case and digit boundaries. */
function splitSegment(segment: string, out: string[]): void {
  const n = segment.length;
  let start = 0;
  for (let i = 1; i < n; i++) {
    const prev = classOf(segment.charCodeAt(i - 1));
    const cur = classOf(segment.charCodeAt(i));
    let boundary = false;
    if (cur === CharClass.Upper && prev === CharClass.Lower) boundary = true;
    else if (cur === CharClass.Upper && prev === CharClass.Digit) boundary = true;
    else if (cur === CharClass.Digit && prev !== CharClass.Digit) boundary = true;
    else if (cur === CharClass.Lower && prev === CharClass.Upper && i - 1 > start) {
      // End of an acronym: `SSNValue` splits before `V`. A lone plural `s` stays with the
      // acronym (`userIDs` → user, ids).
      const next = i + 1 < n ? classOf(segment.charCodeAt(i + 1)) : CharClass.Other;
      const pluralS = segment[i] === 's' && next !== CharClass.Lower;
      if (!pluralS) {
        pushWord(segment.slice(start, i - 1), out);
        start = i - 1;
      }
    }
    if (boundary) {
      pushWord(segment.slice(start, i), out);
      start = i;
    }
  }
  pushWord(segment.slice(start), out);
}

function pushWord(word: string, out: string[]): void {
  if (word.length > 0) out.push(word.toLowerCase());
}

/**
 * Rejoins letter+digit pairs that form one word: a known word (`last4`, `sha256`) or a single
 * letter followed by digits (`e164`, `v2`, `s3`).
 */
function joinDigitWords(parts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i] as string;
    const next = parts[i + 1];
    if (next !== undefined && isAllDigits(next) && !isAllDigits(word)) {
      const joined = word + next;
      if (word.length === 1 || DIGIT_WORDS.has(joined)) {
        out.push(joined);
        i++;
        continue;
      }
    }
    out.push(word);
  }
  return out;
}

function isAllDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
}

/** Lower-case words of an identifier or property name, in order. */
export function splitWords(name: string): string[] {
  const parts: string[] = [];
  let segStart = -1;
  for (let i = 0; i <= name.length; i++) {
    const isWordChar = i < name.length && classOf(name.charCodeAt(i)) !== CharClass.Other;
    if (isWordChar) {
      if (segStart < 0) segStart = i;
    } else if (segStart >= 0) {
      splitSegment(name.slice(segStart, i), parts);
      segStart = -1;
    }
  }
  return joinDigitWords(parts);
}
