import ts from 'typescript';
import { PII_KIND_LABELS, type PiiKind } from '../../../rules/types.js';
import { findPiiLiterals } from '../classify/literals.js';
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
  for (const node of index.transportNodes) {
    if (!(ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))) continue;
    if (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent) || ts.isExternalModuleReference(node.parent)) continue;
    const text = node.text;
    if (text.length < 9 || text.length > 4000) continue;
    for (const match of findPiiLiterals(text)) {
      if (!RULE_KINDS.has(match.kind)) continue;
      raws.push(finding(node, match.kind, match.format, text.slice(match.start, match.end), inTest));
      break;
    }
    const trimmed = text.trim();
    if (SNILS.test(trimmed) && snilsValid(trimmed)) raws.push(finding(node, 'national-id', 'RU SNILS', trimmed, inTest));
    else if (NINO.test(trimmed.toUpperCase()) && trimmed === trimmed.toUpperCase()) raws.push(finding(node, 'national-id', 'UK National Insurance number', trimmed, inTest));
    else if (/^\d{10}(\d{2})?$/.test(trimmed) && innValid(trimmed) && INN_CONTEXT.test(contextName(node) ?? '')) raws.push(finding(node, 'national-id', 'RU INN', trimmed, inTest));
  }
  void knowledge;
  return raws;
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
