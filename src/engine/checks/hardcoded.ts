import ts from '../../typescript.js';
import { PII_KIND_LABELS, type PiiKind } from '../../../rules/types.js';
import { findPiiLiterals } from '../classify/literals.js';
import { splitWords } from '../classify/words.js';
import type { CompiledKnowledge } from '../compiled-knowledge.js';
import type { FileIndex } from '../file-index.js';
import { maskValue } from '../mask.js';
import { propertyNameText } from '../taint.js';
import type { RawFinding } from './raw.js';

const RULE_KINDS = new Set<PiiKind>(['phone', 'national-id', 'payment-card']);

/** Test code still leaks real numbers into repositories, but it is reported at `note`. */
export const TEST_FILE = /(^|[\\/])(__tests__|__mocks__|tests?|spec|fixtures?)[\\/]|\.(test|spec)\.[cm]?[jt]sx?$/;

const SNILS = /^\d{3}-\d{3}-\d{3}[ -]\d{2}$/;
const NINO = /^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/;
const INN_CONTEXT = /(^|[^a-z])(inn|tax_?id|taxId|taxpayer)/i;

/**
 * Real-looking PII written into source: validated phone numbers, resident IDs, SSNs, cards (the literal
 * classifier), plus RU SNILS and UK NINO with their check rules, and RU INN where the name says so.
 */
export function hardcodedPii(index: FileIndex, sf: ts.SourceFile, knowledge: CompiledKnowledge): RawFinding[] {
  const raws: RawFinding[] = [];
  const inTest = TEST_FILE.test(sf.fileName);
  // Text between TSX tags is written into the source as much as a string literal is (`<p>Text the lead on …</p>`).
  const texts: readonly ts.Node[] = index.jsxTexts.length ? [...index.transportNodes, ...index.jsxTexts] : index.transportNodes;
  for (const node of texts) {
    if (!(ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node))) continue;
    if (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent) || ts.isExternalModuleReference(node.parent)) continue;
    const text = node.text;
    // Every kind this rule reports has at least six digits (a NINO has the fewest); most strings have none.
    if (text.length < 9 || text.length > 4000 || !hasDigits(text, 6)) continue;
    for (const match of findPiiLiterals(text)) {
      if (!RULE_KINDS.has(match.kind)) continue;
      raws.push(finding(node, match.kind, match.format, text.slice(match.start, match.end), inTest));
      break;
    }
    const trimmed = text.trim();
    if (SNILS.test(trimmed) && snilsValid(trimmed) && !SNILS_SPECIMENS.has(trimmed.replace(/\D/g, ''))) raws.push(finding(node, 'national-id', 'RU SNILS', trimmed, inTest));
    else if (NINO.test(trimmed.toUpperCase()) && trimmed === trimmed.toUpperCase()) raws.push(finding(node, 'national-id', 'UK National Insurance number', trimmed, inTest));
    else if (/^\d{10}(\d{2})?$/.test(trimmed) && innValid(trimmed) && namedInn(node)) raws.push(finding(node, 'national-id', 'RU INN', trimmed, inTest));
  }
  void knowledge;
  return raws;
}

function hasDigits(text: string, wanted: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57 && ++seen >= wanted) return true;
  }
  return false;
}

function finding(node: ts.Node, kind: PiiKind, format: string, value: string, inTest: boolean): RawFinding {
  return {
    ruleId: 'no-hardcoded-pii',
    node,
    sinkText: 'source code',
    summary: `${PII_KIND_LABELS[kind]} written into the source: a real-looking ${format} (${maskValue(kind, value)})`,
    kind,
    severity: inTest ? 'note' : undefined,
  };
}

/** The variable or property a literal is assigned to, for context-dependent formats. */
function contextName(node: ts.Node): string | undefined {
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent)) return propertyNameText(parent.name);
  if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left)) return parent.left.name.text;
  return undefined;
}

/**
 * Whether the names around a literal say it is an INN: its own name (`inn: '…'`, `taxId = '…'`), a sibling
 * that states the kind (`{ kind: 'ru_inn', value: '…' }`), or the name of the object holding it (`inn: { value: '…' }`).
 */
function namedInn(node: ts.Node): boolean {
  if (INN_CONTEXT.test(contextName(node) ?? '')) return true;
  const property = node.parent;
  if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.parent)) return false;
  const object = property.parent;
  for (const sibling of object.properties) {
    if (sibling === property || !ts.isPropertyAssignment(sibling) || !ts.isStringLiteralLike(sibling.initializer)) continue;
    const text = sibling.initializer.text;
    if (text.length <= 40 && INN_WORDS.test(splitWords(text).join(' '))) return true;
  }
  return INN_CONTEXT.test(contextName(object) ?? '');
}

/** A kind or type value naming an INN: 'inn', 'ru_inn', 'INN', 'taxpayer_id'. */
const INN_WORDS = /(^| )(inn|taxpayer|tax id)( |$)/;

/** Published SNILS examples with a valid check number (the worked example of the checksum, 112-233-445 95). */
const SNILS_SPECIMENS: ReadonlySet<string> = new Set(['11223344595', '12345678964']);

/** SNILS check number: digits 1–9 weighted 9…1, sum mod 101 (100 → 00). */
export function snilsValid(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  if (digits.length !== 11 || Number(digits.slice(0, 9)) <= 1_001_998) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (9 - i);
  let check = sum < 100 ? sum : sum === 100 || sum === 101 ? 0 : sum % 101;
  if (check === 100) check = 0;
  return check === Number(digits.slice(9));
}

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** RU INN check digits (10 digits for organisations, 12 for people). */
export function innValid(digits: string): boolean {
  const d = [...digits].map(Number);
  const check = (weights: number[]): number => (weights.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11) % 10;
  if (d.length === 10) return check(INN10) === d[9];
  if (d.length === 12) return check(INN11) === d[10] && check(INN12) === d[11];
  return false;
}
