import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseAccessPath } from '../engine/access-path.js';
import type { ConfigProblem } from './errors.js';
import { globProblem } from './globs.js';
import { type ParsedJson, jsonPointerSegment } from './json-parser.js';
import { closestMatch, isRecord, keyPathOf, pointerSegments } from './key-path.js';
import { readPackageFile } from './package-files.js';

/**
 * Schema validation of a parsed configuration, with every ajv error turned into a sentence that
 * names the key and what is allowed. The schema is rules/schema/config.schema.json.
 */

export const CONFIG_SCHEMA_PATH = 'rules/schema/config.schema.json';

let cachedValidator: ValidateFunction | undefined;

export function configSchema(): AnySchemaObject {
  const text = readPackageFile(CONFIG_SCHEMA_PATH);
  if (text === undefined) throw new Error(`piiguard: ${CONFIG_SCHEMA_PATH} is missing from the package`);
  return JSON.parse(text) as AnySchemaObject;
}

function validator(): ValidateFunction {
  if (!cachedValidator) {
    // verbose: errors carry their schema and data, which the messages below describe.
    // strictTypes off: `anyOf: [{ required: [...] }]` branches deliberately have no `type`.
    const ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false });
    cachedValidator = ajv.compile(configSchema());
  }
  return cachedValidator;
}

export interface ValidationTarget {
  file: string;
  parsed: ParsedJson;
  /** Pointer of the configuration inside the document: '' or '/piiguard' for package.json. */
  basePointer: string;
  /** Key path prefix for messages: '' or 'piiguard'. */
  keyPrefix: string;
}

export function validateConfig(value: unknown, target: ValidationTarget): ConfigProblem[] {
  const validate = validator();
  const problems: ConfigProblem[] = [];
  if (!validate(value)) {
    for (const error of selectErrors(validate.errors ?? [])) problems.push(toProblem(error, value, target));
  }
  problems.push(...checkPatterns(value, target));
  return sortProblems(dedupe(problems));
}

/**
 * With allErrors, an `anyOf` reports its own failure plus every branch's. When the value's JSON
 * type picks exactly one branch, that branch's errors say more; otherwise the anyOf error does.
 */
function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const anyOf of errors) {
    if (anyOf.keyword !== 'anyOf' || !Array.isArray(anyOf.schema)) continue;
    const branches = anyOf.schema as AnySchemaObject[];
    const matching = branches.flatMap((branch, index) => (branchAcceptsType(branch, anyOf.data) ? [index] : []));
    const inside = errors.filter(
      (e) => e !== anyOf && e.schemaPath.startsWith(`${anyOf.schemaPath}/`) && e.instancePath.startsWith(anyOf.instancePath),
    );
    if (matching.length === 1) {
      const keep = `${anyOf.schemaPath}/${matching[0]}/`;
      dropped.add(anyOf);
      for (const e of inside) if (!e.schemaPath.startsWith(keep)) dropped.add(e);
    } else {
      for (const e of inside) dropped.add(e);
    }
  }
  return errors.filter((e) => !dropped.has(e));
}

function branchAcceptsType(branch: AnySchemaObject, data: unknown): boolean {
  // A const branch names one value: "expected <const> or …" says more than "must be equal to constant".
  if ('const' in branch) return false;
  if (typeof branch.type !== 'string') return false;
  return jsonTypeMatches(branch.type, data);
}

function jsonTypeMatches(type: string, data: unknown): boolean {
  switch (type) {
    case 'array':
      return Array.isArray(data);
    case 'object':
      return isRecord(data);
    case 'integer':
      return typeof data === 'number';
    case 'null':
      return data === null;
    default:
      return typeof data === type;
  }
}

function toProblem(error: ErrorObject, root: unknown, target: ValidationTarget): ConfigProblem {
  const params = error.params as Record<string, unknown>;
  let pointer = error.instancePath;
  let message: string;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      pointer = `${pointer}/${jsonPointerSegment(key)}`;
      message = unknownKeyMessage(error.instancePath, key, Object.keys(propertiesOf(error.parentSchema)));
      break;
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const suggestion = typeof error.data === 'string' ? closestMatch(error.data, allowed.map(String)) : undefined;
      message = `${describeValue(error.data)} is not allowed. Allowed values: ${allowed.map((v) => JSON.stringify(v)).join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`;
      break;
    }
    case 'type':
      message = `expected ${describeSchema(error.parentSchema)}, found ${describeValue(error.data)}.`;
      break;
    case 'required':
      message = `missing required key "${String(params.missingProperty)}".`;
      break;
    case 'anyOf':
      message = anyOfMessage(error);
      break;
    case 'minProperties':
    case 'maxProperties':
      message = `must have exactly one of ${Object.keys(propertiesOf(error.parentSchema)).map((k) => `"${k}"`).join(', ')}.`;
      break;
    case 'minLength':
      message = 'must not be empty.';
      break;
    case 'minItems':
      message = `must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.`;
      break;
    case 'minimum':
      message = `must be ${String(params.limit)} or more, found ${describeValue(error.data)}.`;
      break;
    default:
      message = `${error.message ?? 'is not valid'}.`;
  }
  return locate(pointer, message, root, target);
}

function unknownKeyMessage(parentPointer: string, key: string, known: readonly string[]): string {
  const noun = parentPointer === '/rules' ? 'rule id' : parentPointer === '/pii/names' ? 'PII kind' : 'key';
  const list = noun === 'rule id' ? 'Known rules' : noun === 'PII kind' ? 'PII kinds' : 'Known keys';
  const suggestion = closestMatch(key, known);
  return `unknown ${noun} "${key}". ${list}: ${known.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`;
}

function anyOfMessage(error: ErrorObject): string {
  const branches = (Array.isArray(error.schema) ? error.schema : []) as AnySchemaObject[];
  const requiredOnly = branches.every((b) => Array.isArray(b.required) && Object.keys(b).length === 1);
  if (requiredOnly) {
    const keys = branches.flatMap((b) => b.required as string[]).map((k) => `"${k}"`);
    return `needs at least one of the keys ${keys.join(', ')}.`;
  }
  return `expected ${branches.map(describeSchema).join(' or ')}, found ${describeValue(error.data)}.`;
}

function propertiesOf(schema: AnySchemaObject | undefined): Record<string, unknown> {
  return isRecord(schema?.properties) ? schema.properties : {};
}

/** A short noun phrase for what a schema accepts: "an array of non-empty strings". */
export function describeSchema(schema: AnySchemaObject | undefined): string {
  if (!schema) return 'a valid value';
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  switch (schema.type) {
    case 'array':
      return isRecord(schema.items) ? `an array of ${plural(describeSchema(schema.items as AnySchemaObject))}` : 'an array';
    case 'string':
      return typeof schema.minLength === 'number' && schema.minLength > 0 ? 'a non-empty string' : 'a string';
    case 'integer':
      return typeof schema.minimum === 'number' ? `a whole number (${schema.minimum} or more)` : 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    default:
      return 'a valid value';
  }
}

function plural(phrase: string): string {
  return phrase
    .replace(/^an? /, '')
    .replace(/^(non-empty )?(string|object|array|number)/, '$1$2s')
    .replace(/^whole number/, 'whole numbers');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 60 ? `a string "${value.slice(0, 57)}..."` : `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

function locate(pointer: string, message: string, root: unknown, target: ValidationTarget): ConfigProblem {
  const position = nearestPosition(target.basePointer + pointer, target.parsed);
  return {
    file: target.file,
    ...(position ? { line: position.line, column: position.column } : {}),
    keyPath: keyPathOf(pointer, root, target.keyPrefix),
    message,
  };
}

function nearestPosition(pointer: string, parsed: ParsedJson) {
  let current = pointer;
  for (;;) {
    const position = parsed.positions.get(current);
    if (position || current === '') return position;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

/** Regular-expression sources must compile, access paths parse and globs make sense, or the scan would fail or silently miss files. */
function checkPatterns(value: unknown, target: ValidationTarget): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${pointer}/${index}`));
      return;
    }
    if (!isRecord(node)) return;
    for (const [key, child] of Object.entries(node)) {
      const childPointer = `${pointer}/${jsonPointerSegment(key)}`;
      if (isGlobList(childPointer) && Array.isArray(child)) {
        child.forEach((glob, index) => {
          const error = typeof glob === 'string' && glob !== '' ? globProblem(glob) : undefined;
          if (error) problems.push(locate(`${childPointer}/${index}`, `is not a usable glob: ${error}`, value, target));
        });
      } else if (isAccessPath(childPointer) && typeof child === 'string') {
        const error = accessPathError(child);
        if (error) problems.push(locate(childPointer, `is not a valid access path: ${error}. Example: "createLogger().{info,warn}".`, value, target));
      } else if (holdsRegularExpressions(childPointer)) {
        const sources: [string, unknown][] = Array.isArray(child) ? child.map((c, i) => [`${childPointer}/${i}`, c]) : [[childPointer, child]];
        for (const [sourcePointer, source] of sources) {
          const error = typeof source === 'string' ? regexError(source) : undefined;
          if (error) problems.push(locate(sourcePointer, `is not a valid regular expression: ${error}.`, value, target));
        }
      } else {
        visit(child, childPointer);
      }
    }
  };
  visit(value, '');
  return problems;
}

function holdsRegularExpressions(pointer: string): boolean {
  const segments = pointerSegments(pointer);
  const last = segments[segments.length - 1];
  const parent = segments[segments.length - 2];
  return (
    last === 'receiverName' ||
    (parent === 'access' && last === 'object') ||
    (parent === 'commandPattern' && last === 'pattern') ||
    (segments[0] === 'sanitizers' && last === 'names') ||
    (segments[0] === 'consent' && (last === 'functionNames' || last === 'propertyNames'))
  );
}

/** Top-level `include` and `exclude`. */
function isGlobList(pointer: string): boolean {
  return pointer === '/include' || pointer === '/exclude';
}

/** `…calls[i].path` */
function isAccessPath(pointer: string): boolean {
  const segments = pointerSegments(pointer);
  return segments[segments.length - 1] === 'path' && segments[segments.length - 3] === 'calls';
}

function accessPathError(path: string): string | undefined {
  try {
    parseAccessPath(path);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function regexError(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
  }
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.keyPath}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
