/**
 * Finds every regular expression piiguard can apply to scanned text or names, and builds
 * adversarial inputs for each from its own pattern. The timing itself runs in regex-worker.mjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';

export interface AuditedRegex {
  /** Where it comes from: `src/engine/checks/transport.ts:26` or `knowledge: transport.safeHostPatterns[0]`. */
  where: string;
  source: string;
  flags: string;
}

/** One family of inputs: prefix + pump repeated + suffix, at 10,000 and 100,000 characters. */
export interface PumpInput {
  prefix: string;
  pump: string;
  suffix: string;
}

// ---------------------------------------------------------------------------------------------
// Collecting

/** Regular expression literals, and `new RegExp('literal')`, in the TypeScript files under `dirs`. */
export function regexLiteralsIn(repoRoot: string, dirs: readonly string[]): AuditedRegex[] {
  const found: AuditedRegex[] = [];
  for (const dir of dirs) {
    for (const file of typescriptFiles(path.join(repoRoot, dir))) {
      const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const where = (node: ts.Node) => `${path.relative(repoRoot, file).split(path.sep).join('/')}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = (node as ts.RegularExpressionLiteral).text;
          const slash = text.lastIndexOf('/');
          found.push({ where: where(node), source: text.slice(1, slash), flags: text.slice(slash + 1) });
        } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          const [source, flags] = node.arguments ?? [];
          if (source && ts.isStringLiteralLike(source)) {
            found.push({ where: where(node), source: source.text, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '' });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
    }
  }
  return found;
}

function typescriptFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...typescriptFiles(full));
    else if (/\.[cm]?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

/**
 * Knowledge fields that hold regular expression sources (rules/types.ts), with the flags the
 * engine compiles them with. Keyed by the last property name, or `parent.name`.
 */
const KNOWLEDGE_PATTERN_FIELDS: Readonly<Record<string, string>> = {
  receiverName: '',
  'access.object': '',
  'contentHint.pattern': 'i',
  'commandPattern.pattern': 'i',
  'sanitizers.names': '',
  'propagators.names': '',
  'consent.functionNames': '',
  'consent.propertyNames': '',
  'telephony.routePattern': 'i',
  'transport.safeHostPatterns': 'i',
  'transport.urlProperties': '',
  requiresSibling: '',
  safeFieldBuilders: '',
};

/** Regular expression sources in a Knowledge object (the built-in models, or a team's additions). */
export function knowledgeRegexes(knowledge: unknown): AuditedRegex[] {
  const found: AuditedRegex[] = [];
  const visit = (value: unknown, trail: string[], where: string): void => {
    if (typeof value === 'string') {
      const named = trail.filter((step) => !/^\d+$/.test(step));
      const last = named[named.length - 1] ?? '';
      const pair = `${named[named.length - 2] ?? ''}.${last}`;
      const top = `${named[0] ?? ''}.${last}`;
      const flags = KNOWLEDGE_PATTERN_FIELDS[pair] ?? KNOWLEDGE_PATTERN_FIELDS[top] ?? KNOWLEDGE_PATTERN_FIELDS[last];
      if (flags !== undefined) found.push({ where: `knowledge: ${where}`, source: value, flags });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...trail, String(index)], `${where}[${index}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, [...trail, key], where ? `${where}.${key}` : key);
    }
  };
  visit(knowledge, [], '');
  return found;
}

/** Every RegExp object reachable from a value (compiled knowledge): nothing compiled escapes the audit. */
export function regexObjectsIn(value: unknown, where: string): AuditedRegex[] {
  const found: AuditedRegex[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown, at: string): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (node instanceof RegExp) {
      found.push({ where: `${where}${at}`, source: node.source, flags: node.flags });
    } else if (node instanceof Map || node instanceof Set) {
      let index = 0;
      for (const item of node.values()) visit(item, `${at}[${index++}]`);
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${at}[${index}]`));
    } else {
      for (const [key, child] of Object.entries(node)) visit(child, `${at}.${key}`);
    }
  };
  visit(value, '');
  return found;
}

/** One entry per distinct (source, flags), keeping every place it comes from. */
export function distinct(regexes: readonly AuditedRegex[]): AuditedRegex[] {
  const byKey = new Map<string, AuditedRegex>();
  for (const regex of regexes) {
    const flags = [...new Set(regex.flags.replace(/[gy]/g, ''))].sort().join('');
    const key = `${flags}/${regex.source}`;
    const existing = byKey.get(key);
    if (existing) existing.where = existing.where.includes(regex.where) ? existing.where : `${existing.where}, ${regex.where}`;
    else byKey.set(key, { ...regex, flags });
  }
  return [...byKey.values()];
}

// ---------------------------------------------------------------------------------------------
// Adversarial inputs

/** Characters tried against every class and escape of a pattern. */
const UNIVERSE = [...'aA1 .-_/:@+(),;?&=#%*"\'<>[]{}|\\$^!~`zZ09\t\n\r', '\u00e9', '\u4e2d', '\u2028', '\u00a0', '\ud83d\ude00'];
const MAX_PUMPS = 48;

/**
 * Inputs aimed at the pattern's own structure: each character it can match repeated, pairs of
 * neighbouring atoms (alternation and overlapping quantifiers blow up on these), its literal
 * words repeated, and everything in pattern order; each with and without the pattern's leading
 * literal as prefix (to get past anchors), ending in a character that makes the match fail.
 */
export function adversarialInputs(regex: AuditedRegex): PumpInput[] {
  const { atoms, words } = atomsOf(regex);
  const pumps = new Set<string>();
  for (const atom of atoms) pumps.add(atom);
  for (let i = 0; i + 1 < atoms.length; i++) pumps.add(atoms[i]! + atoms[i + 1]!);
  for (const word of words) {
    pumps.add(word);
    pumps.add(`${word} `);
  }
  if (atoms.length > 2) pumps.add(atoms.join(''));
  for (const atom of atoms) pumps.add(`${atom} `);
  const prefixes = new Set(['']);
  const leading = /^\^?(?:\\s\*)?((?:[A-Za-z0-9_:/@.-]|\\.)+)/.exec(regex.source);
  if (leading?.[1]) prefixes.add(leading[1].replace(/\\(.)/g, '$1'));
  const inputs: PumpInput[] = [];
  for (const pump of [...pumps].slice(0, MAX_PUMPS)) {
    for (const prefix of prefixes) {
      inputs.push({ prefix, pump, suffix: '\u0000' });
      inputs.push({ prefix, pump, suffix: '' });
    }
  }
  return inputs;
}

/** Representative characters of each atom (literal, escape, class, dot), in pattern order, and literal words. */
export function atomsOf(regex: AuditedRegex): { atoms: string[]; words: string[] } {
  const source = regex.source;
  const flags = regex.flags.replace(/[gy]/g, '');
  const atoms: string[] = [];
  const words: string[] = [];
  let word = '';
  const endWord = () => {
    if (word.length >= 2) words.push(word);
    word = '';
  };
  const addToken = (token: string) => {
    let matcher: RegExp;
    try {
      matcher = new RegExp(`^(?:${token})$`, flags);
    } catch {
      return;
    }
    const members = UNIVERSE.filter((c) => matcher.test(c));
    atoms.push(...members.slice(0, 3));
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const escape = readEscape(source, i);
      const literal = escapeLiteral(escape);
      if (literal !== undefined) {
        word += literal;
        atoms.push(literal);
      } else {
        endWord();
        addToken(escape);
      }
      i += escape.length;
    } else if (c === '[') {
      endWord();
      const end = classEnd(source, i);
      addToken(source.slice(i, end));
      i = end;
    } else if (c === '(') {
      endWord();
      const group = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i));
      i += group?.[0].length ?? 1;
    } else if (c === '{') {
      const quantifier = /^\{\d*(?:,\d*)?\}\??/.exec(source.slice(i));
      if (quantifier) {
        word = word.slice(0, -1);
        endWord();
        i += quantifier[0].length;
      } else {
        word += c;
        atoms.push(c);
        i++;
      }
    } else if ('*+?'.includes(c)) {
      // The quantified atom is no longer a fixed part of a word.
      word = word.slice(0, -1);
      endWord();
      i++;
    } else if ('|)^$'.includes(c)) {
      endWord();
      i++;
    } else if (c === '.') {
      endWord();
      addToken('.');
      i++;
    } else {
      word += c;
      atoms.push(c);
      i++;
    }
  }
  endWord();
  return { atoms: [...new Set(atoms)].slice(0, 16), words: [...new Set(words)].slice(0, 8) };
}

function readEscape(source: string, at: number): string {
  const rest = source.slice(at);
  const long = /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[pP]\{[^}]*\}|c[A-Za-z]|k<[^>]*>|\d+)/.exec(rest);
  return long ? long[0] : rest.slice(0, 2);
}

/** The character an escape stands for, or undefined for classes, assertions and back-references. */
function escapeLiteral(escape: string): string | undefined {
  const c = escape[1] ?? '';
  if ('dDwWsSbBpPk'.includes(c) || /^\\\d/.test(escape)) return undefined;
  if (c === 'n') return '\n';
  if (c === 'r') return '\r';
  if (c === 't') return '\t';
  if (c === 'u' || c === 'x') {
    const hex = escape.replace(/^\\[ux]\{?/, '').replace(/\}$/, '');
    return String.fromCodePoint(Number.parseInt(hex, 16));
  }
  return c;
}

function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

// ---------------------------------------------------------------------------------------------
// Timing in a worker

export type AuditResult =
  | { verdict: 'linear'; measured: SuperLinearCandidate[] }
  | { verdict: 'super-linear'; evidence: SuperLinearCandidate }
  | { verdict: 'timed-out' };

/** An input on which a regex took long enough to be measured: its growth against the baseline's. */
export interface SuperLinearCandidate {
  input: PumpInput;
  onceMs: number;
  growth: number;
  baselineGrowth: number;
}

/**
 * Audits regexes one at a time in a worker. A regex is super-linear when, on one of its
 * adversarial inputs, its time grows from the small to the large size (10,000 to 100,000
 * characters) more than `maxRatio` times as fast as a linear baseline's on the same inputs. One that runs past `timeoutMs` (exponential
 * backtracking) ends its worker.
 */
export class RegexAuditor {
  private worker: Worker | undefined;
  private nextId = 0;

  constructor(
    private readonly timeoutMs: number,
    private readonly maxRatio: number,
    /** Input sizes compared: the issue asks for 100,000 characters. */
    private readonly sizes: { small: number; large: number } = { small: 10_000, large: 100_000 },
  ) {}

  /**
   * A busy machine can make one quick measurement look super-linear; a super-linear expression is
   * so on every try. So a conviction that took under a second is confirmed on the same input
   * `confirmations` more times (one that took longer is beyond doubt).
   */
  async audit(regex: AuditedRegex, confirmations = 2): Promise<AuditResult> {
    const first = await this.run(regex, adversarialInputs(regex));
    if (first.verdict !== 'super-linear' || first.evidence.onceMs > 1_000) return first;
    for (let attempt = 0; attempt < confirmations; attempt++) {
      const again = await this.run(regex, [first.evidence.input]);
      if (again.verdict === 'linear') return again;
    }
    return first;
  }

  private async run(regex: AuditedRegex, inputs: readonly PumpInput[]): Promise<AuditResult> {
    const worker = (this.worker ??= new Worker(new URL('./regex-worker.mjs', import.meta.url)));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        void worker.terminate();
        this.worker = undefined;
        resolve({ verdict: 'timed-out' });
      }, this.timeoutMs);
      const onMessage = (message: { id: number; superLinear?: SuperLinearCandidate; measured?: SuperLinearCandidate[]; error?: string }) => {
        if (message.id !== id) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        if (message.error) reject(new Error(message.error));
        else if (message.superLinear) resolve({ verdict: 'super-linear', evidence: message.superLinear });
        else resolve({ verdict: 'linear', measured: message.measured ?? [] });
      };
      worker.on('message', onMessage);
      worker.postMessage({ id, source: regex.source, flags: regex.flags, inputs, maxRatio: this.maxRatio, ...this.sizes });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
