/**
 * Decides from an identifier alone whether it names PII, by the head-noun rule:
 * a PII term must be the last thing in the name, followed only by words that keep its
 * meaning (`phoneE164`, `phoneNumbers`), and nothing else in the name may say the value is
 * a flag, a count, metadata or already protected (`phoneVerified`, `isPhoneVerified`, `phoneHash`).
 */
import type { PiiKind, PiiNameKnowledge, PiiTerm } from '../../../rules/types.js';
import { splitWords } from './words.js';

export interface NameMatch {
  readonly kind: PiiKind;
  /** The matched term's words joined by a space, e.g. 'phone number'. */
  readonly term: string;
}

export interface NameContext {
  /** The name occurs in telephony code, where `from`/`to`/`caller` are phone numbers. */
  telephony?: boolean;
}

export type NameClassifier = (name: string, ctx?: NameContext) => NameMatch | undefined;

/** Bounds the memo so a long-running language server does not grow without limit. */
const MAX_CACHE_ENTRIES = 50_000;

const DIGITS = /^\d+$/;

export function createNameClassifier(knowledge: PiiNameKnowledge): NameClassifier {
  const preserving = new Set(knowledge.preservingSuffixes);
  const nonPii = new Set(knowledge.nonPiiWords);
  const nonPiiPrefixes = new Set(knowledge.nonPiiPrefixes);

  // Terms by first word, longest first, so a name is compared with a handful of candidates.
  const byFirstWord = new Map<string, PiiTerm[]>();
  for (const term of knowledge.terms) {
    const first = term.words[0];
    if (first === undefined) continue;
    let list = byFirstWord.get(first);
    if (!list) byFirstWord.set(first, (list = []));
    list.push(term);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  const cache = new Map<string, NameMatch | null>();

  function classifyWords(words: readonly string[], telephony: boolean): NameMatch | undefined {
    const n = words.length;
    if (n === 0) return undefined;

    // The head term is one whose tail is made only of preserving words: scan from the end.
    let tailStart = n;
    while (tailStart > 0 && isPreserving(words[tailStart - 1] as string)) tailStart--;

    let best: { term: PiiTerm; start: number; end: number } | undefined;
    for (let start = 0; start < n; start++) {
      const candidates = byFirstWord.get(words[start] as string);
      if (!candidates) continue;
      for (const term of candidates) {
        const end = start + term.words.length;
        if (end > n || end < tailStart) continue;
        if (!matchesAt(words, start, term)) continue;
        if (term.telephonyOnly && !telephony) continue;
        if (term.wholeNameOnly && (start !== 0 || end !== n)) continue;
        // Of the terms followed only by preserving words, take the one starting first, then the
        // longest: `callerIdNumber` is a caller ID with a preserving `number`, not an ID number.
        if (!best || start < best.start || (start === best.start && end > best.end)) best = { term, start, end };
      }
    }
    if (!best) return undefined;

    const { term, start, end } = best;
    if (start > 0 && nonPiiPrefixes.has(words[0] as string)) return undefined;
    for (let i = 0; i < n; i++) {
      if (i >= start && i < end) continue;
      if (nonPii.has(words[i] as string)) return undefined;
    }
    return { kind: term.kind, term: term.words.join(' ') };
  }

  function isPreserving(word: string): boolean {
    return preserving.has(word) || DIGITS.test(word);
  }

  return (name, ctx) => {
    const telephony = ctx?.telephony === true;
    const key = telephony ? `t:${name}` : `-:${name}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const result = classifyWords(splitWords(name), telephony);
    if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
    cache.set(key, result ?? null);
    return result;
  };
}

function matchesAt(words: readonly string[], start: number, term: PiiTerm): boolean {
  for (let j = 0; j < term.words.length; j++) {
    if (words[start + j] !== term.words[j]) return false;
  }
  return true;
}

/** Whether a name's last word makes the value a scalar (`callRecordId`, `rows.length`, `started_at`); memoised per name. */
export function createScalarNameTest(scalarWords: readonly string[]): (name: string) => boolean {
  const words = new Set(scalarWords);
  const cache = new Map<string, boolean>();
  return (name) => {
    let answer = cache.get(name);
    if (answer === undefined) {
      const split = splitWords(name);
      answer = words.has(split[split.length - 1] ?? '');
      if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
      cache.set(name, answer);
    }
    return answer;
  };
}
