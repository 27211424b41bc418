/**
 * Recognises PII values written out as text: phone numbers (validated with libphonenumber-js
 * full metadata), CN resident IDs (ISO 7064 check digit), US SSNs, payment card numbers (Luhn +
 * known issuer prefix) and email addresses. Documentation, test and fictional values are not PII, and
 * neither are business service numbers (toll-free, shared-cost, premium-rate: see SERVICE_NUMBER_TYPES).
 *
 * Every regular expression here runs in linear time on any input: candidates are found by
 * single-class runs anchored with a look-behind or an atomic look-ahead, and all validation
 * happens on short strings in code. test/unit/regex-linear.test.ts checks this.
 */
import {
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumberType,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import type { PiiKind } from '../../../rules/types.js';

export interface LiteralMatch {
  kind: PiiKind;
  /** Offsets in the text given, [start, end). */
  start: number;
  end: number;
  /** What was recognised, e.g. 'E.164 phone number', 'CN resident ID'. Never the value. */
  format: string;
}

type Recognised = { kind: PiiKind; format: string };

/** Where the candidate sits: alone in a string literal, or inside longer prose, SQL or a log line. */
type Mode = 'whole' | 'embedded';

// ---------------------------------------------------------------------------------------------
// Candidate finding

/**
 * A maximal run of digits and phone separators, optionally led by `+` or `(`. The look-ahead
 * captures the longest run and the back-reference consumes it, so there is no backtracking into
 * the run (an atomic group in JavaScript regex).
 */
export const NUMBER_RUN = /(?=([+(]?\d[\d \-.()/\u00A0]*))\1/g;

/**
 * An email address starting where no address character precedes it (the look-behind keeps
 * the scan linear on long runs of address characters). Parts are bounded as in RFC 5321.
 */
export const EMAIL = new RegExp(
  String.raw`(?<![\w.%+\-])[A-Za-z0-9][\w.%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?` +
    String.raw`(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w\-]|\.[A-Za-z0-9])`,
  'g',
);

const WHOLE_EMAIL = new RegExp(`^(?:${EMAIL.source})$`);

/** The whole string is one run of digits and phone separators (after an optional `tel:`). */
const WHOLE_NUMBER = /^(?:\(?\+)?\(?\d[\d \-.()/\u00A0]*[\dXx)]$/;

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Trims separators from the end of a run, and a `(` or `)` left without its partner. */
function trimRun(run: string): string {
  let end = run.length;
  while (end > 0 && ' -./(\u00A0'.includes(run[end - 1] as string)) end--;
  let text = run.slice(0, end);
  if (text.endsWith(')') && countChar(text, '(') < countChar(text, ')')) text = text.slice(0, -1).trimEnd();
  return text;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** True when the run is glued to a word, an amount or a path before it (`ORD-4155552671`, `$1234567`). */
function gluedBefore(text: string, start: number): boolean {
  const prev = text[start - 1];
  const prev2 = text[start - 2];
  if (prev === undefined) return false;
  if (isWordChar(prev)) return true;
  if ('#$€£¥@'.includes(prev)) return true;
  if ('-./\\'.includes(prev) && isWordChar(prev2)) return true;
  if (prev === ':' && isDigit(prev2)) return true;
  return false;
}

/** True when the run continues into a word, a time or a port (`12345678px`, `10:30`, `…@mail`). */
function gluedAfter(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined) return false;
  if (isWordChar(next) || next === '@' || next === '%') return true;
  if (next === ':' && isDigit(text[end + 1])) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Answers per text: the same strings (log messages, keys, event names) recur in every file of a code
 * base, and the hardcoded-PII check and the taint both ask about them. Long texts are not kept.
 */
const MAX_CACHED_TEXT = 2_000;
const MAX_CACHE_ENTRIES = 50_000;
const wholeAnswers = new Map<string, LiteralMatch | null>();
const embeddedAnswers = new Map<string, readonly LiteralMatch[]>();

function cached<V>(cache: Map<string, V>, text: string, compute: (text: string) => V): V {
  if (text.length > MAX_CACHED_TEXT) return compute(text);
  let answer = cache.get(text);
  if (answer === undefined) {
    answer = compute(text);
    if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
    cache.set(text, answer);
  }
  return answer;
}

/** The whole text (trimmed) is one PII value, e.g. a string literal `'+1 415 555 2671'`. */
export function classifyLiteral(text: string): LiteralMatch | undefined {
  return cached(wholeAnswers, text, (t) => classifyWhole(t) ?? null) ?? undefined;
}

/** PII values inside longer text (a log message, an SQL statement, a comment), in order. */
export function findPiiLiterals(text: string): readonly LiteralMatch[] {
  return cached(embeddedAnswers, text, findEmbedded);
}

function classifyWhole(text: string): LiteralMatch | undefined {
  if (text.length > 320) return undefined;
  const lead = text.length - text.trimStart().length;
  let value = text.trim();
  if (value.length < 6) return undefined;
  let start = lead;
  const end = lead + value.length;

  if (value.includes('@')) {
    if (WHOLE_EMAIL.test(value) && isPersonalEmail(value)) return { kind: 'email', start, end, format: 'email address' };
    return undefined;
  }
  if (/^tel:/i.test(value)) {
    value = value.slice(4);
    start += 4;
  }
  if (value.length > 40 || !WHOLE_NUMBER.test(value)) return undefined;
  const recognised = recogniseNumber(value, 'whole');
  return recognised && { ...recognised, start, end };
}

function findEmbedded(text: string): LiteralMatch[] {
  const found: LiteralMatch[] = [];
  if (text.includes('@')) {
    for (const m of text.matchAll(EMAIL)) {
      if (isPersonalEmail(m[0])) {
        found.push({ kind: 'email', start: m.index, end: m.index + m[0].length, format: 'email address' });
      }
    }
  }
  for (const m of text.matchAll(NUMBER_RUN)) {
    const run = m[1] as string;
    const start = m.index;
    let rawEnd = start + run.length;
    const trimmed = trimRun(run);
    let candidate = trimmed;
    if (candidate.length === 0) continue;
    // A resident ID may end in the check character X.
    if (
      (text[rawEnd] === 'X' || text[rawEnd] === 'x') &&
      candidate.length === run.length &&
      !isWordChar(text[rawEnd + 1]) &&
      digitCount(candidate) === 17
    ) {
      candidate += text[rawEnd] as string;
      rawEnd++;
    }
    // `%2B` is a URL-encoded `+` (`?To=%2B14155552671`): recognise `+…`, report the span with `%2B`.
    let encodedPlus = false;
    if (candidate[0] !== '+' && start >= 3 && text.slice(start - 3, start).toUpperCase() === '%2B') {
      encodedPlus = true;
    } else if (gluedBefore(text, start)) {
      continue;
    }
    // What was trimmed off the end, if anything, must not join the run to a word (`4155552671-A`).
    if (!/\s/.test(run.slice(trimmed.length)) && gluedAfter(text, rawEnd)) continue;

    for (const piece of splitColumns(candidate)) {
      const pieceStart = start + piece.offset;
      const pieceEnd = pieceStart + piece.text.length;
      if (encodedPlus && piece.offset === 0) {
        const recognised = recogniseNumber(`+${piece.text}`, 'embedded');
        if (recognised) found.push({ ...recognised, start: pieceStart - 3, end: pieceEnd });
        continue;
      }
      const recognised = recogniseNumber(piece.text, 'embedded');
      if (recognised) found.push({ ...recognised, start: pieceStart, end: pieceEnd });
    }
  }
  return dropOverlaps(found.sort((a, b) => a.start - b.start));
}

/** Two or more spaces separate values laid out in columns (`+1 415 555 2671    +44 20 7946 0958`). */
function splitColumns(candidate: string): { text: string; offset: number }[] {
  const pieces: { text: string; offset: number }[] = [];
  let pieceStart = 0;
  for (let i = 0; i <= candidate.length; i++) {
    const atGap = i === candidate.length || (candidate[i] === ' ' && candidate[i + 1] === ' ');
    if (!atGap) continue;
    const raw = candidate.slice(pieceStart, i);
    const text = raw.trim();
    if (text.length > 0) pieces.push({ text, offset: pieceStart + raw.indexOf(text) });
    while (candidate[i] === ' ') i++;
    pieceStart = i;
  }
  return pieces;
}

function dropOverlaps(sorted: LiteralMatch[]): LiteralMatch[] {
  const out: LiteralMatch[] = [];
  for (const match of sorted) {
    const last = out[out.length - 1];
    if (!last || match.start >= last.end) out.push(match);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Numbers: shape checks, then each validator

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isDigit(text[i])) n++;
  return n;
}

/** Digit groups between separators, e.g. '+1 (415) 555-2671' → ['1','415','555','2671']. */
function digitGroups(text: string): string[] {
  return text.split(/[^\dXx]+/).filter((g) => g.length > 0);
}

const DATE_FIRST = /^\(?\d{4}[-./]\d{1,2}[-./]\d{1,2}(?!\d)/;
const DATE_LAST = /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}(?!\d)/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function recogniseNumber(candidate: string, mode: Mode): Recognised | undefined {
  const digits = candidate.replace(/[^\dXx]/g, '');
  if (digits.length < 7 || digits.length > 19) return undefined;
  if (/[Xx]/.test(digits.slice(0, -1))) return undefined;

  const plus = candidate.startsWith('+') || candidate.startsWith('(+');
  const separated = /[ \-./()\u00A0]/.test(plus ? candidate.replace(/^\(?\+/, '') : candidate);
  const groups = digitGroups(candidate);

  if (!plus && (DATE_FIRST.test(candidate) || DATE_LAST.test(candidate) || IPV4.test(candidate))) return undefined;
  if (/^\d+\.\d+$/.test(candidate)) return undefined; // a decimal number
  if (!plus && /^[\d.]+$/.test(candidate) && groups.length >= 3 && groups.some((g) => g.length === 1)) {
    return undefined; // a version, `10.0.19041.1`
  }

  if (!plus) {
    if (/^\d{3}([ -])\d{2}\1\d{4}$/.test(candidate)) return recogniseSsn(digits);
    const card = recogniseCard(candidate, digits);
    if (card !== 'no') return card;
    if (digits.length === 18 && (!separated || /^\d{6} \d{8} \d{3}[\dXx]$/.test(candidate))) {
      return recogniseCnResidentId(digits);
    }
  }
  if (/[Xx]/.test(digits)) return undefined;
  return recognisePhone(digits, { plus, separated, groups, mode });
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

interface PhoneShape {
  plus: boolean;
  separated: boolean;
  groups: string[];
  mode: Mode;
}

/** National-format regions tried for a leading trunk `0`, in order. */
const TRUNK_ZERO_REGIONS: readonly CountryCode[] = ['GB', 'DE', 'IN', 'CN'];

function recognisePhone(digits: string, shape: PhoneShape): Recognised | undefined {
  if (digits.length > 15) return undefined;
  if (shape.separated && !plausibleGrouping(shape.groups)) return undefined;

  if (shape.plus) {
    const phone = parse(`+${digits}`);
    if (!phone) return undefined;
    return { kind: 'phone', format: shape.separated ? 'international phone number' : 'E.164 phone number' };
  }
  if (digits.startsWith('00')) {
    const phone = parse(`+${digits.slice(2)}`);
    return phone ? { kind: 'phone', format: 'international phone number' } : undefined;
  }
  // Bare digits inside prose are as likely an order number as a phone number: there, only
  // shapes that are hard to mistake count (CN and RU mobiles, trunk-0 mobiles).
  const strict = !shape.separated && shape.mode === 'embedded';

  // `1-800-937-2261` is NANP with its trunk 1; a CN mobile is never grouped 1-3-3-4.
  const nanpWithTrunk = shape.separated && shape.groups.length === 4 && shape.groups[0] === '1' && isNanpGrouping(shape.groups.slice(1));
  if (digits.length === 11 && /^1[3-9]/.test(digits) && !nanpWithTrunk) {
    const phone = parse(digits, 'CN');
    if (phone === null) return undefined;
    if (phone) return { kind: 'phone', format: describeNational(phone) };
  }
  if (digits.length === 11 && (digits[0] === '8' || digits[0] === '7')) {
    // RU: trunk prefix 8, or the country code 7 written without `+`.
    const phone = parse(digits[0] === '8' ? digits : `+${digits}`, 'RU');
    if (phone === null) return undefined;
    if (phone && (!strict || (digits[0] === '8' && isMobile(phone)))) {
      return { kind: 'phone', format: describeNational(phone) };
    }
  }
  if (digits.length === 11 && digits[0] === '1' && !strict) {
    const phone = parse(`+${digits}`);
    if (phone === null) return undefined;
    if (phone) return { kind: 'phone', format: describeNational(phone) };
  }
  if (digits.length === 10 && !strict && /^[2-9]/.test(digits)) {
    const nanp = parse(`+1${digits}`);
    if (nanp === null) return undefined;
    if (nanp && (!shape.separated || isNanpGrouping(shape.groups))) return { kind: 'phone', format: describeNational(nanp) };
    // Grouped 3-3-4 it is written as a NANP number, and a number NANP keeps for fiction (`702-555-0197`,
    // `7025550197`) is one: neither is retried as an IN mobile.
    if ((shape.separated && isNanpGrouping(shape.groups)) || isNanpFiction(digits)) return undefined;
    const india = parse(digits, 'IN');
    if (india && isMobile(india)) return { kind: 'phone', format: describeNational(india) };
  }
  if (digits[0] === '0' && digits[1] !== '0') {
    // The UK drama ranges are fictional whichever country's rules would also accept the digits.
    if (UK_DRAMA_PREFIXES.some((p) => digits.startsWith(p, 1))) return undefined;
    // Without a country code the region is a guess, and the same digits can be valid in several plans:
    // `01806224477` is a Shetland line in GB and a shared-cost service in DE. When a later plan calls it a
    // business service, only the way it is written can tell: `01806 224477` is GB's grouping, `0180 6 224477`
    // and `01806 22 44 77` are not, so those are left alone.
    let found: ParsedPhone | undefined;
    for (const region of TRUNK_ZERO_REGIONS) {
      const phone = parse(digits, region);
      if (phone === null) return found && writtenAs(found, shape.groups) ? { kind: 'phone', format: describeNational(found) } : undefined;
      if (phone && !found && (!strict || isMobile(phone))) found = phone;
    }
    return found && { kind: 'phone', format: describeNational(found) };
  }
  return undefined;
}

/**
 * Number types that belong to a business service, never to a person's line: freephone (US 800–888,
 * UK 0800/0808, IE 1800), shared-cost (UK 0845, CN 400, AU 1300), premium-rate (UK 09, US 900) and
 * universal access numbers (UK 03). A company hotline written into code is not personal data.
 */
const SERVICE_NUMBER_TYPES: ReadonlySet<PhoneNumberType> = new Set<PhoneNumberType>(['TOLL_FREE', 'SHARED_COST', 'PREMIUM_RATE', 'UAN']);

type ParsedPhone = { phone: PhoneNumber; type: PhoneNumberType };

/**
 * A valid, non-fictional number that can be a person's; null for a valid business service number
 * (the caller stops: `0800 048 7711` must not be retried as another country's mobile); else undefined.
 */
function parse(text: string, region?: CountryCode): ParsedPhone | null | undefined {
  const phone = region ? parsePhoneNumberFromString(text, region) : parsePhoneNumberFromString(text);
  if (!phone) return undefined;
  // With the 'max' metadata isValid() is getType() !== undefined: one type lookup gives both.
  const type = phone.getType();
  if (type === undefined) return undefined;
  // The number must belong to the region's plan (+44 covers GB, GG, JE and IM).
  if (region && phone.countryCallingCode !== getCountryCallingCode(region)) return undefined;
  if (SERVICE_NUMBER_TYPES.has(type)) return null;
  if (isFictional(phone)) return undefined;
  return { phone, type };
}

function isMobile({ type }: ParsedPhone): boolean {
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}

function describeNational({ phone, type }: ParsedPhone): string {
  const region = phone.country ?? `+${phone.countryCallingCode}`;
  return `${region} ${type === 'MOBILE' ? 'mobile' : 'phone'} number`;
}

/** The digit groups are those of the number's national format in its region (`01806 224477` for GB). */
function writtenAs({ phone }: ParsedPhone, groups: readonly string[]): boolean {
  const national = digitGroups(phone.formatNational());
  return national.length === groups.length && national.every((g, i) => g === groups[i]);
}

/** Separators sit between real groups: single digits only as country code or trunk prefix. */
function plausibleGrouping(groups: string[]): boolean {
  if (groups.length < 2 || groups.length > 6) return false;
  return groups.every((g, i) => g.length > 1 || i < 2);
}

function isNanpGrouping(groups: string[]): boolean {
  return groups.length === 3 && groups[0]?.length === 3 && groups[1]?.length === 3 && groups[2]?.length === 4;
}

/** UK Ofcom ranges reserved for drama and documentation (national significant number prefixes). */
const UK_DRAMA_PREFIXES: readonly string[] = [
  '2079460', '1134960', '1144960', '1154960', '1164960', '1174960', '1184960', '1214960', '1314960',
  '1414960', '1514960', '1614960', '1914980', '2896496', '2920180', '1632960', '7700900', '8081570',
  '9098790', '3069990',
];

/** AU ACMA ranges for fiction: mobile 0491 57x xxx, geographic 0x 5550 xxxx and 0x 7010 xxxx. */
const AU_FICTION_PREFIXES: readonly string[] = [
  '49157', '25550', '27010', '35550', '37010', '75550', '77010', '85550', '87010',
];

/** Numbers printed in vendor documentation and quick-starts, copied into code as examples. */
const DOCUMENTATION_NUMBERS: ReadonlySet<string> = new Set([
  '+15017122661', // Twilio docs "from"
  '+14155238886', // Twilio WhatsApp sandbox
  '+14158675310', // Twilio docs "to"
  '+8613800138000', // China Mobile sample number
]);

/** NANP 555-0100 … 555-0199 (fiction) and 555-1212 (directory assistance), by the ten national digits. */
function isNanpFiction(nsn: string): boolean {
  return nsn.slice(3, 6) === '555' && (nsn.startsWith('01', 6) || nsn.slice(6) === '1212');
}

function isFictional(phone: PhoneNumber): boolean {
  const nsn = phone.nationalNumber as string;
  if (looksFake(nsn) || DOCUMENTATION_NUMBERS.has(phone.number as string)) return true;
  if (phone.countryCallingCode === '1' && nsn.length === 10) {
    if (isNanpFiction(nsn)) return true;
    // Twilio's magic test numbers, +1 500 555 000x.
    if (nsn.startsWith('500555000')) return true;
  }
  if (phone.countryCallingCode === '44') return UK_DRAMA_PREFIXES.some((p) => nsn.startsWith(p));
  if (phone.countryCallingCode === '61') return AU_FICTION_PREFIXES.some((p) => nsn.startsWith(p));
  return false;
}

/** All one digit in the subscriber part, or a counting sequence (`13812345678`, `+79161234567`). */
function looksFake(digits: string): boolean {
  const subscriber = digits.slice(-7);
  if (/^(\d)\1+$/.test(subscriber)) return true;
  let up = 1;
  let down = 1;
  for (let i = 1; i < digits.length; i++) {
    const delta = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
    up = delta === 1 ? up + 1 : 1;
    down = delta === -1 ? down + 1 : 1;
    if (up >= 7 || down >= 7) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// US Social Security numbers (dashed or spaced form only: nine bare digits are too ambiguous)

const FAKE_SSNS: ReadonlySet<string> = new Set([
  '078051120', // printed on a Woolworth wallet insert, 1938
  '219099999', // used in a Social Security Administration advertisement
  '457555462', // LifeLock advertising
  '123456789',
  '987654321',
]);

function recogniseSsn(digits: string): Recognised | undefined {
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9') return undefined;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return undefined;
  if (FAKE_SSNS.has(digits) || /^(\d)\1+$/.test(digits)) return undefined;
  return { kind: 'national-id', format: 'US SSN' };
}

// ---------------------------------------------------------------------------------------------
// Payment cards

/** Issuer prefixes: [first digits, lengths]. Visa, Mastercard, Amex, Discover, JCB, UnionPay, Diners, Mir, Maestro. */
function hasKnownIssuer(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16;
  if (p2 === 34 || p2 === 37) return n === 15;
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) return n >= 16 && n <= 19;
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19;
  if (p2 === 62) return n >= 16 && n <= 19;
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305)) return n >= 14 && n <= 19;
  if (p4 >= 2200 && p4 <= 2204) return n >= 16 && n <= 19;
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19;
  return false;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Test numbers published by Stripe, Braintree, Adyen, PayPal and the card schemes. */
const TEST_CARDS: ReadonlySet<string> = new Set([
  '4242424242424242', '4000056655665556', '5555555555554444', '2223003122003222', '5200828282828210',
  '5105105105105100', '378282246310005', '371449635398431', '6011111111111117', '6011000990139424',
  '6011981111111113', '3056930009020004', '36227206271667', '6555900000604105', '3566002020360505',
  '6200000000000005', '6200000000000047', '4000002500001001', '4000000000003220', '4000002760003184',
  '4000008260003178', '4000000000000077', '4000000000000002', '4000000000009995', '4000000000000069',
  '4000000000000127', '4000000000000119', '4000000000000101', '4000000000000341', '4000000000003055',
  '4111111111111111', '4005519200000004', '4009348888881881', '4012000033330026', '4012000077777777',
  '4012888888881881', '4217651111111119', '4500600000000061', '2223000048400011', '3530111333300000',
  '36259600000004', '6304000000000000', '6243030000000001', '4111111145551142', '4988438843884305',
  '5500000000000004', '5101180000000007', '370000000000002', '3600666633333344', '6011601160116611',
  '3569990010095841', '4222222222222', '378734493671000', '5610591081018250', '30569309025904',
  '38520000023237', '5019717010103742', '6331101999990016', '5454545454545454', '4444333322221111',
  '4917610000000000', '4462030000000000', '4917300800000000', '4484070000000000', '5425233430109903',
  '2222420000001113', '2223000010089800', '6759649826438453', '6799990100000000019', '4035501000000008',
  '4360000001000005', '4000620000000007', '4000060000000006', '4000160000000004', '4001590000000001',
  '4000180000000002', '4000000000000010', '4000000000000028', '4000000000000036', '4000000000000044',
  '4000000000000259', '4000000000001976', '4000000000005126', '4000000000001000', '4000000000001091',
  '4000000000001109', '4000000000001208', '4000000000003063', '4000002500003155', '4000000000009235',
  '4000000000009987', '4000000000009979', '4100000000000019', '4000000000000002', '5200000000001005',
  '5200000000001096', '2221000000000009', '2720992720992720', '5555555555554444', '5555341244441115',
  '5577000055770004', '5136333333333335', '5585558555855583', '4166676667666746', '4646464646464644',
  '4000000760000002', '4000001240000000', '4000004840008001', '4000000560000004', '4000000400000008',
]);

/** 'no' when the digits are not shaped like a card at all, so other validators may try. */
function recogniseCard(candidate: string, digits: string): Recognised | undefined | 'no' {
  if (digits.length < 13 || digits.length > 19 || /[Xx]/.test(digits)) return 'no';
  if (!/^\d+$/.test(candidate) && !/^\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}$/.test(candidate) && !/^\d{4}([ -])\d{6}\1\d{4,5}$/.test(candidate)) {
    return 'no';
  }
  if (!hasKnownIssuer(digits) || !luhnValid(digits)) return 'no';
  if (TEST_CARDS.has(digits) || looksLikeTestCard(digits)) return undefined;
  return { kind: 'payment-card', format: 'payment card number' };
}

/** Runs of zeros or few distinct digits mark made-up numbers (`4000 0000 0000 0002`). */
function looksLikeTestCard(digits: string): boolean {
  if (/0{7}/.test(digits)) return true;
  return new Set(digits.slice(6)).size <= 2;
}

// ---------------------------------------------------------------------------------------------
// CN resident identity card numbers (GB 11643-1999)

const CN_PROVINCES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42',
  '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83', '91',
]);
const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_CHECK = '10X98765432';
/** The sample number printed in the standard and in countless tutorials. */
const CN_SAMPLE_IDS: ReadonlySet<string> = new Set(['11010519491231002X', '440524188001010014']);

function recogniseCnResidentId(idText: string): Recognised | undefined {
  const id = idText.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return undefined;
  if (!CN_PROVINCES.has(id.slice(0, 2))) return undefined;
  if (!plausibleBirthDate(id.slice(6, 14))) return undefined;
  if (cnCheckCharacter(id) !== id[17]) return undefined;
  if (CN_SAMPLE_IDS.has(id)) return undefined;
  return { kind: 'national-id', format: 'CN resident ID' };
}

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function cnCheckCharacter(id: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * (CN_WEIGHTS[i] as number);
  return CN_CHECK[sum % 11] as string;
}

function plausibleBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (monthDays[month - 1] as number);
}

// ---------------------------------------------------------------------------------------------
// Email addresses

/** Domains reserved for documentation and testing (RFC 2606, RFC 6761) and local names. */
const RESERVED_EMAIL_DOMAIN = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid|localhost|local|localdomain)$/i;
/** Role accounts belong to an organisation, not a person. */
const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'support', 'info', 'admin', 'administrator', 'sales',
  'contact', 'help', 'billing', 'postmaster', 'webmaster', 'hostmaster', 'abuse', 'security', 'privacy',
  'notifications', 'alerts', 'team', 'hello', 'office', 'mailer-daemon', 'git', 'root', 'nobody', 'careers',
  'jobs', 'press', 'legal', 'compliance', 'dpo', 'ops', 'devops', 'accounts', 'accounting', 'feedback',
]);
/** Asset names like `logo@2x.png` look like addresses. */
const FILE_EXTENSIONS: ReadonlySet<string> = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'ico', 'bmp', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx',
  'css', 'scss', 'json', 'map', 'html', 'wav', 'mp3', 'mp4', 'ogg', 'pdf', 'txt', 'md', 'zip', 'gz', 'tgz',
]);

function isPersonalEmail(address: string): boolean {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at).toLowerCase();
  const domain = address.slice(at + 1).toLowerCase();
  if (RESERVED_EMAIL_DOMAIN.test(domain)) return false;
  if (ROLE_LOCAL_PARTS.has(local)) return false;
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (FILE_EXTENSIONS.has(tld)) return false;
  return true;
}
