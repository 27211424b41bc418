import ts from '../../typescript.js';
import { PII_KIND_LABELS, type PiiKind, type SchemaModel } from '../../../rules/types.js';
import { skipTransparent } from '../access-path.js';
import type { CompiledSink } from '../compiled-knowledge.js';
import type { EngineContext } from '../context.js';
import { propertyNameText } from '../taint.js';
import { objectLiteralOf } from './flow-sinks.js';
import type { RawFinding } from './raw.js';

const BOOLEAN_COLUMN = /\b(BOOLEAN|Boolean|boolean)\b/;

/**
 * Schema declarations: a PII-named column or field without an encrypting option is plaintext storage
 * by design. Declared PII fields are remembered per model: a write through that model is judged at the
 * schema (encrypted there, or reported there once), so one problem gives one finding.
 */
export class SchemaCheck {
  readonly findings: RawFinding[] = [];
  /** PII fields declared in schemas, by normalised model key (`Lead`, `leads`, `LeadSchema` → `lead`). */
  readonly fieldsByModel = new Map<string, Set<string>>();
  /** `schema.plugin(encrypt, { fields: ['phone'] })`: encrypted by a plugin, by schema key. */
  private readonly pluginEncrypted = new Map<string, Set<string>>();
  /** `mongoose.model('Callback', callbackSchema)`: schema key → model keys. */
  private readonly modelLinks = new Map<string, string[]>();
  private readonly decorators: Map<string, SchemaModel>;
  private readonly pluginOptions: Set<string>;

  constructor(
    private readonly ctx: EngineContext,
    private readonly kinds: ReadonlySet<PiiKind>,
  ) {
    this.decorators = new Map(ctx.knowledge.schemas.flatMap((s) => (s.model.decorators ?? []).map((d) => [d, s.model] as const)));
    this.pluginOptions = new Set(ctx.knowledge.schemas.flatMap((s) => s.model.pluginFieldOptions ?? []));
  }

  /** `x.plugin(fn, { fields: [...] })` and `model('Name', schema)` — collected before schemas are judged. */
  collect(call: ts.CallExpression, name: string): void {
    const callee = skipTransparent(call.expression);
    if (name === 'model' && call.arguments.length >= 2) {
      const schemaArg = skipTransparent(call.arguments[1]!);
      if (!ts.isIdentifier(schemaArg)) return;
      const keys = [assignedName(call), call.arguments[0] && ts.isStringLiteralLike(call.arguments[0]) ? call.arguments[0].text : undefined].filter((k): k is string => !!k).map(modelKey);
      this.modelLinks.set(modelKey(schemaArg.text), keys);
      return;
    }
    if (name !== 'plugin' || !ts.isPropertyAccessExpression(callee)) return;
    const options = call.arguments[1] && skipTransparent(call.arguments[1]);
    if (!options || !ts.isObjectLiteralExpression(options)) return;
    const receiver = skipTransparent(callee.expression);
    const key = ts.isIdentifier(receiver) ? modelKey(receiver.text) : '*';
    for (const p of options.properties) {
      if (!ts.isPropertyAssignment(p) || !this.pluginOptions.has(propertyNameText(p.name) ?? '')) continue;
      const list = skipTransparent(p.initializer);
      if (!ts.isArrayLiteralExpression(list)) continue;
      let set = this.pluginEncrypted.get(key);
      if (!set) this.pluginEncrypted.set(key, (set = new Set()));
      for (const e of list.elements) if (ts.isStringLiteralLike(e)) set.add(e.text);
    }
  }

  private readonly schemaCalls = new Set<ts.Node>();

  /** Was this call judged as a schema declaration (so it is not also a write)? */
  isSchemaCall(node: ts.CallExpression | ts.NewExpression): boolean {
    return this.schemaCalls.has(node);
  }

  /** Fields the given kinds of schema declare for any of these (normalised) model keys. */
  fieldsFor(schemaIds: readonly string[], keys: readonly string[]): Set<string> | undefined {
    let result: Set<string> | undefined;
    for (const id of schemaIds) {
      for (const key of keys) {
        const fields = this.fieldsByModel.get(`${id}:${key}`);
        if (fields) for (const f of fields) (result ??= new Set()).add(f);
      }
    }
    return result;
  }

  private remember(schemaId: string, keys: readonly string[], field: string): void {
    const all = new Set(keys);
    for (const k of keys) for (const linked of this.modelLinks.get(k) ?? []) all.add(linked);
    for (const key of all) {
      let set = this.fieldsByModel.get(`${schemaId}:${key}`);
      if (!set) this.fieldsByModel.set(`${schemaId}:${key}`, (set = new Set()));
      set.add(field);
    }
  }

  checkProperty(property: ts.PropertyDeclaration): void {
    const decorators = ts.getDecorators(property) ?? [];
    for (const decorator of decorators) {
      const expr = decorator.expression;
      const name = ts.isCallExpression(expr) ? calleeName(expr.expression) : calleeName(expr);
      const model = name ? this.decorators.get(name) : undefined;
      if (!model) continue;
      const fieldName = propertyNameText(property.name);
      if (!fieldName) return;
      const kind = this.piiKind(fieldName, property.type?.getText(), property);
      if (!kind) return;
      const cls = property.parent;
      const options = ts.isCallExpression(expr) ? expr.arguments.map((a) => objectLiteralOf(a, this.ctx)).find((o) => o !== undefined) : undefined;
      this.remember(model.id, ts.isClassLike(cls) && cls.name ? [modelKey(cls.name.text)] : [], fieldName);
      if (options && hasAnyProperty(options, model.safeFieldOptions)) return;
      this.report(property.name, fieldName, kind, model.describe);
      return;
    }
  }

  checkCall(call: ts.CallExpression | ts.NewExpression, schema: CompiledSink<SchemaModel>): void {
    this.schemaCalls.add(call);
    const model = schema.model;
    const fieldsArg = call.arguments?.[model.fieldsArg ?? 0];
    const fields = fieldsArg ? objectLiteralOf(fieldsArg, this.ctx) : undefined;
    if (!fields) return;
    const builders = model.safeFieldBuilders ? new RegExp(model.safeFieldBuilders) : undefined;
    const callee = skipTransparent(ts.isNewExpression(call) ? call.expression : call.expression);
    const receiver = ts.isPropertyAccessExpression(callee) ? skipTransparent(callee.expression) : undefined;
    const first = call.arguments?.[0];
    const keys = [assignedName(call), first && ts.isStringLiteralLike(first) ? first.text : undefined, model.fieldsArg === 0 && receiver && ts.isIdentifier(receiver) ? receiver.text : undefined]
      .filter((k): k is string => !!k)
      .map(modelKey);
    const plugin = new Set([...keys.flatMap((k) => [...(this.pluginEncrypted.get(k) ?? [])]), ...(this.pluginEncrypted.get('*') ?? [])]);
    for (const prop of fields.properties) {
      if (!ts.isPropertyAssignment(prop) && !ts.isShorthandPropertyAssignment(prop)) continue;
      const fieldName = propertyNameText(prop.name);
      if (!fieldName) continue;
      const value = ts.isPropertyAssignment(prop) ? skipTransparent(prop.initializer) : prop.name;
      const kind = this.piiKind(fieldName, value.getText(), prop);
      if (!kind) continue;
      const options = ts.isObjectLiteralExpression(value) ? value : undefined;
      const encrypted =
        plugin.has(fieldName) ||
        (options !== undefined && hasAnyProperty(options, model.safeFieldOptions)) ||
        (builders !== undefined && ts.isCallExpression(value) && builders.test(builderName(value) ?? ''));
      this.remember(model.id, keys, fieldName);
      if (!encrypted) this.report(prop.name, fieldName, kind, model.describe);
    }
  }

  private piiKind(fieldName: string, typeText: string | undefined, node: ts.Node): PiiKind | undefined {
    const match = this.ctx.knowledge.classifyName(fieldName, { telephony: this.ctx.isTelephony(node) });
    if (!match || !this.kinds.has(match.kind)) return undefined;
    if (typeText && BOOLEAN_COLUMN.test(typeText) && !/String|STRING|string/.test(typeText)) return undefined;
    return match.kind;
  }

  private report(node: ts.Node, field: string, kind: PiiKind, describe: string): void {
    this.findings.push({
      ruleId: 'no-plaintext-pii-storage',
      node,
      sinkText: describe,
      summary: `${PII_KIND_LABELS[kind]} field \`${field}\` is declared as a ${describe} without encryption, so every write stores it in clear text`,
      kind,
    });
  }
}

/** Normalised model key: `LeadSchema`, `leadRepository`, `leads`, `Lead` → `lead`. */
export function modelKey(name: string): string {
  let key = name.toLowerCase();
  for (let i = 0; i < 3; i++) key = key.replace(/(schema|model|entity|table|repository|repo|collection|service|dao)$/, '').replace(/(?<=\w)s$/, '');
  return key;
}

function assignedName(node: ts.Node): string | undefined {
  let current: ts.Node = node;
  while (current.parent && (ts.isAwaitExpression(current.parent) || ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent))) current = current.parent;
  const parent = current.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isBinaryExpression(parent) && ts.isIdentifier(parent.left)) return parent.left.text;
  return undefined;
}

function calleeName(expr: ts.Expression): string | undefined {
  const e = skipTransparent(expr);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** `text('phone').notNull()` → text. */
function builderName(call: ts.CallExpression): string | undefined {
  let current: ts.Expression = call;
  while (ts.isCallExpression(current)) {
    const callee = skipTransparent(current.expression);
    if (ts.isPropertyAccessExpression(callee) && ts.isCallExpression(skipTransparent(callee.expression))) current = skipTransparent(callee.expression);
    else return calleeName(callee);
  }
  return undefined;
}

function hasAnyProperty(object: ts.ObjectLiteralExpression, names: readonly string[]): boolean {
  return object.properties.some((p) => {
    const key = p.name ? propertyNameText(p.name as ts.PropertyName) : undefined;
    return key !== undefined && names.includes(key);
  });
}
