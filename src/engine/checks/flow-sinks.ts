import ts, { SyntaxKind, NodeFlags } from '../../typescript.js';
import { RULES } from '../../../rules/index.js';
import { thirdPartyApiHosts } from '../../../rules/models/privacy.js';
import { PII_KIND_LABELS, type CallSinkModel, type PiiKind, type RuleId } from '../../../rules/types.js';
import { chainText, skipTransparent } from '../access-path.js';
import type { EngineContext } from '../context.js';
import { EMPTY, type Label, type Taint, TaintAnalysis, forEachReturn, isTainted, propertyNameText, union } from '../taint.js';
import type { Observation, ParamSink, RawFinding, SinkSite } from './raw.js';
import { modelKey } from './schemas.js';

const PRIVACY_RULES: Readonly<Partial<Record<CallSinkModel['category'], RuleId>>> = {
  hash: 'no-reversible-pii-hash',
  url: 'no-pii-in-url',
  'third-party': 'no-pii-to-third-party',
};

/** Options that become part of a request URL. */
const URL_OPTION = /^(url|uri|href|path|pathname|search|query|params|qs|searchParams)$/;

const SQL_WRITE = /^\s*(with\b[\s\S]*?\)\s*)?(insert|update|replace|merge|upsert)\b/i;

/** Evaluates log and storage sinks: which arguments (or written fields) carry unsanitised PII. */
export class FlowSinkCheck {
  readonly findings: RawFinding[] = [];
  /** Fields of the model the current write targets that a schema declares (reported or encrypted there). */
  private declaredFields?: Set<string>;
  readonly paramSinks: ParamSink[] = [];
  /** Schemas seen in the program: writes of a field a schema declares are judged at the schema. */
  schemas?: { fieldsFor(schemaIds: readonly string[], keys: readonly string[]): Set<string> | undefined };

  constructor(
    private readonly ctx: EngineContext,
    private readonly taint: TaintAnalysis,
    private readonly storageKinds: ReadonlySet<PiiKind>,
  ) {}

  checkLog(sink: ts.CallExpression | ts.NewExpression, model: CallSinkModel): void {
    // Most log calls carry no PII: the callee's text is only made for a finding.
    let text: string | undefined;
    const sinkText = (): string => (text ??= calleeText(sink));
    const redacted = model.id === 'pino' ? this.pinoRedactPaths(sink) : model.id === 'fastify-logger' ? this.fastifyRedactPaths() : undefined;
    const site = (node: ts.Node): SinkSite => ({
      ruleId: 'no-pii-in-logs',
      node,
      get sinkText() {
        return sinkText();
      },
      describe: (label) => `${subject(label)} reaches ${sinkText()} ${label.weakMask ? `masked too weakly: ${label.weakMask}` : 'unmasked'}`,
      accepts: (label) => !(redacted && label.container && isRedacted(label, redacted)),
    });
    for (const arg of selectedArgs(sink, model)) {
      if (model.callbackReturn) {
        if (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) this.report(this.taint.returnTaint(arg), site(arg), arg, true);
        continue;
      }
      this.report(this.valueTaint(arg), site(arg), arg, true);
    }
  }

  /** Hash, URL and third-party sinks: any unprotected PII in the selected arguments is a finding of the category's rule. */
  checkPrivacy(sink: ts.CallExpression | ts.NewExpression | ts.BinaryExpression, model: CallSinkModel): void {
    const ruleId = PRIVACY_RULES[model.category];
    if (!ruleId) return;
    const sinkText = ts.isBinaryExpression(sink) ? (chainText(sink.left) ?? 'assignment') : calleeText(sink);
    const verb = model.category === 'hash' ? `is hashed without a key by ${sinkText}` : model.category === 'url' ? `is put into a URL (${sinkText})` : `is sent to ${model.describe} (${sinkText})`;
    const kinds = new Set(RULES[ruleId].piiKinds);
    const site = (node: ts.Node): SinkSite => ({
      ruleId,
      node,
      sinkText,
      describe: (label) => `${subject(label)} ${verb}`,
      accepts: (label) => kinds.has(label.kind),
    });
    // checkWritten skips fields a storage schema declared; that belongs to the last storage write, not here.
    this.declaredFields = undefined;
    // `new URLSearchParams({ To: phone })` sent as a form-encoded POST body is not a query string.
    if (model.id === 'url-search-params' && ts.isNewExpression(sink) && this.onlyRequestBody(sink)) return;
    // A request wrapper known by name whose body is in the program: the requests it makes are checked there.
    if (model.id === 'fetch-wrapper' && !ts.isBinaryExpression(sink) && hasBody(this.ctx.resolveFunction(sink))) return;
    const values = ts.isBinaryExpression(sink) ? [sink.right] : selectedArgs(sink, model);
    for (const value of values) {
      if (model.category === 'third-party' && ts.isObjectLiteralExpression(skipTransparent(value))) this.checkWritten(value, site, 0);
      else if (model.category === 'url') this.report(this.urlTaint(value, model.id === 'http-client'), site(this.urlBuiltAt(value) ?? value), value, true);
      else this.report(model.category === 'third-party' ? this.builderTaint(value) : this.valueTaint(value), site(value), value, true);
    }
    if (ts.isCallExpression(sink) && REQUEST_MODELS.has(model.id)) {
      for (const option of queryOptions(sink, QUERY_OPTIONS[model.id] ?? [])) this.report(this.valueTaint(option), site(option), option, true);
      this.checkVendorRequest(sink, sinkText);
    }
  }

  /**
   * Where a URL handed over in a const was built: `const url = \`…?text=${phone}\`; await fetch(url)` is
   * reported at the template, where the PII goes into the URL. Only a template that is a URL on its own
   * (see `urlTemplateParts`), in the same file; other values are reported at the call.
   */
  private urlBuiltAt(value: ts.Expression): ts.TemplateExpression | undefined {
    const e = skipTransparent(value);
    if (!ts.isIdentifier(e)) return undefined;
    const declaration = this.ctx.symbolOf(e)?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || !(declaration.parent.flags & NodeFlags.Const)) return undefined;
    if (declaration.getSourceFile() !== value.getSourceFile()) return undefined;
    const init = skipTransparent(declaration.initializer);
    return ts.isTemplateExpression(init) && urlTemplateParts(init).length > 0 ? init : undefined;
  }

  /** A REST call to an analytics, marketing or AI vendor's API host: its body goes to that vendor. */
  private checkVendorRequest(call: ts.CallExpression, sinkText: string): void {
    const vendor = this.vendorOf(call);
    if (!vendor) return;
    const kinds = new Set(RULES['no-pii-to-third-party'].piiKinds);
    const site = (node: ts.Node): SinkSite => ({
      ruleId: 'no-pii-to-third-party',
      node,
      sinkText,
      describe: (label) => `${subject(label)} is sent to ${vendor} (${sinkText})`,
      accepts: (label) => kinds.has(label.kind),
    });
    for (const payload of requestPayloads(call, this.ctx)) this.checkWritten(payload, site, 0);
  }

  /** The vendor whose API host the request's URL, or the client's `baseURL`/`prefixUrl`, names. */
  private vendorOf(call: ts.CallExpression): string | undefined {
    const texts: string[] = [];
    const first = call.arguments[0];
    if (first) {
      const config = ts.isObjectLiteralExpression(skipTransparent(first)) ? (skipTransparent(first) as ts.ObjectLiteralExpression) : undefined;
      for (const part of config ? [propertyValue(config, 'url'), propertyValue(config, 'baseURL')] : [first]) if (part) literalTexts(part, this.ctx, texts, 0);
    }
    const callee = skipTransparent(call.expression);
    const creation = ts.isPropertyAccessExpression(callee) ? clientCreation(callee.expression, this.ctx) : undefined;
    const options = creation?.arguments[0] ? objectLiteralOf(creation.arguments[0], this.ctx) : undefined;
    for (const name of ['baseURL', 'prefixUrl', 'prefixURL']) {
      const value = options ? propertyValue(options, name) : undefined;
      if (value) literalTexts(value, this.ctx, texts, 0);
    }
    for (const text of texts) {
      const host = /^\s*https?:\/\/([^/:?#\s]+)/i.exec(text)?.[1]?.toLowerCase();
      const vendor = host ? VENDOR_HOSTS.find((v) => v.pattern.test(host)) : undefined;
      if (vendor) return vendor.describe;
    }
    return undefined;
  }

  /**
   * The constructed value is only ever a request body: `body: form`, `{ body }`, `axios.post(url, form)`,
   * directly or through the const it is assigned to (`.append`/`.set` on it are fine; any other use is not).
   */
  private onlyRequestBody(construction: ts.NewExpression): boolean {
    const use = bodyUse(construction);
    if (use !== 'other') return use === 'body';
    const parent = skipParents(construction).parent;
    if (!parent || !ts.isVariableDeclaration(parent) || !ts.isIdentifier(parent.name) || !(parent.parent.flags & NodeFlags.Const)) return false;
    const name = parent.name;
    const symbol = this.ctx.symbolOf(name);
    const scope = ts.findAncestor(parent, (n) => ts.isFunctionLike(n) || ts.isSourceFile(n));
    if (!symbol || !scope) return false;
    let body = false;
    let other = false;
    const visit = (node: ts.Node): void => {
      if (other) return;
      if (ts.isIdentifier(node) && node !== name && node.text === name.text && isScopeIdentifier(node) && this.ctx.symbolOf(node) === symbol) {
        const kind = bodyUse(node);
        if (kind === 'body') body = true;
        else if (kind === 'other') other = true;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(scope);
    return body && !other;
  }

  /**
   * A URL's PII: its interpolations and concatenated parts; for an options object (`http.request({...})`,
   * axios config) only the parts that become the URL. `tel:`/`mailto:`/`sms:` links request nothing.
   */
  private urlTaint(value: ts.Expression, requestOptions = false): Taint {
    const e = skipTransparent(value);
    if (isLinkWithoutRequest(e)) return EMPTY;
    // `href={telHref(phone)}`, `href={historyHref(phone)}`: a helper whose every return is a link that requests
    // nothing, or a URL template checked where it is returned (every value in it: see `urlTemplateParts`).
    if (ts.isCallExpression(e) && returnsOnlyCheckedLinks(this.ctx.resolveFunction(e))) return EMPTY;
    if (requestOptions && ts.isObjectLiteralExpression(e)) {
      const parts = e.properties.filter((p) => ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)).filter((p) => URL_OPTION.test(propertyNameText(p.name!) ?? ''));
      return union(...parts.map((p) => this.valueTaint(ts.isPropertyAssignment(p) ? p.initializer : (p as ts.ShorthandPropertyAssignment).name)));
    }
    return this.valueTaint(value);
  }

  /**
   * `new amplitude.Identify().set('phone', form.phone)`: what a builder chain was given. Only a chain of
   * methods on a constructed object is a builder; any other call (`maskPhone(x)`, `pseudonyms.forPhone(x)`)
   * returns what its own data flow says, so a masking or keyed-pseudonym helper ends the flow here too.
   */
  private builderTaint(value: ts.Expression, depth = 0): Taint {
    const parts: Taint[] = [this.valueTaint(value)];
    const chain: (ts.CallExpression | ts.NewExpression)[] = [];
    let e: ts.Expression = skipTransparent(value);
    // A list of built values: LangChain's `[new SystemMessage(rules), new HumanMessage(text)]`.
    if (ts.isArrayLiteralExpression(e) && depth < 2) return union(parts[0]!, ...e.elements.map((element) => this.builderTaint(element, depth + 1)));
    for (let i = 0; i < 6 && ts.isCallExpression(e); i++) {
      chain.push(e);
      const callee = skipTransparent(e.expression);
      if (!ts.isPropertyAccessExpression(callee)) return parts[0]!;
      e = skipTransparent(callee.expression);
    }
    if (!ts.isNewExpression(e)) return parts[0]!;
    chain.push(e);
    for (const call of chain) for (const arg of call.arguments ?? []) parts.push(this.valueTaint(arg));
    return union(...parts);
  }

  /** A URL-valued property or attribute built with PII (`statusCallback: \`…?to=${to}\``, `href={\`/c/${phone}\`}`). */
  checkUrlValue(value: ts.Expression, name: string): void {
    const kinds = new Set(RULES['no-pii-in-url'].piiKinds);
    const site: SinkSite = { ruleId: 'no-pii-in-url', node: value, sinkText: name, describe: (label) => `${subject(label)} is put into a URL (${name})`, accepts: (label) => kinds.has(label.kind) };
    this.report(this.urlTaint(value), site, value, true);
  }

  /**
   * A URL template outside any modelled sink — returned by a link helper, passed to `useSWR(key)`: its
   * query-string values (all its values when it starts with a scheme) carrying PII. See `urlTemplateParts`.
   */
  checkUrlTemplate(template: ts.TemplateExpression, parts: readonly ts.Expression[], name: string): void {
    const kinds = new Set(RULES['no-pii-in-url'].piiKinds);
    const site: SinkSite = { ruleId: 'no-pii-in-url', node: template, sinkText: name, describe: (label) => `${subject(label)} is put into a URL (${name})`, accepts: (label) => kinds.has(label.kind) };
    this.report(union(...parts.map((part) => this.valueTaint(part))), site, template, true);
  }

  checkStorage(sink: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression | ts.BinaryExpression, model: CallSinkModel): void {
    const sinkText = ts.isBinaryExpression(sink) ? (chainText(sink.left) ?? 'assignment') : ts.isTaggedTemplateExpression(sink) ? `${sink.tag.getText()}\`…\`` : calleeText(sink);
    const declared = ts.isBinaryExpression(sink) || ts.isTaggedTemplateExpression(sink) || !model.schemas ? undefined : this.schemas?.fieldsFor(model.schemas, writeTargetKeys(sink, this.ctx));
    this.declaredFields = declared;
    const site = (node: ts.Node): SinkSite => ({
      ruleId: 'no-plaintext-pii-storage',
      node,
      sinkText,
      describe: (label) => `${subject(label)} is stored unencrypted by ${sinkText}`,
      accepts: (label) => this.storageKinds.has(label.kind) && !(label.field && declared?.has(label.field)),
    });
    if (ts.isBinaryExpression(sink)) {
      this.report(this.valueTaint(sink.right), site(sink.right), sink.right, false);
      return;
    }
    if (ts.isTaggedTemplateExpression(sink)) {
      const template = sink.template;
      if (!ts.isTemplateExpression(template) || !SQL_WRITE.test(template.head.text)) return;
      for (const span of template.templateSpans) this.report(this.valueTaint(span.expression), site(span.expression), span.expression, false);
      return;
    }
    const args = sink.arguments ?? [];
    if (model.sql) {
      this.checkSql(sink, args, site);
      return;
    }
    const selected = selectedArgs(sink, model);
    if (model.safeWhenOption && selected.some((a) => hasOption(objectLiteralOf(a, this.ctx), model.safeWhenOption!))) return;
    for (const arg of selected) {
      const object = objectLiteralOf(arg, this.ctx);
      let payloads: ts.Expression[] = [arg];
      if (object && model.payloadProperties) {
        const found = model.payloadProperties.map((p) => propertyValue(object, p)).filter((v): v is ts.Expression => v !== undefined);
        if (found.length) payloads = found;
      }
      if (object && model.contentHint && this.hintsContent(object, model.contentHint)) {
        const body = payloads[0] ?? arg;
        const label: Label = { kind: model.contentHint.kind, signal: 'name', origin: body, describe: 'the uploaded object (its key names a call recording)', container: false, steps: [] };
        this.findings.push({ ruleId: 'no-plaintext-pii-storage', node: body, sinkText, summary: `${PII_KIND_LABELS[label.kind]} upload has no server-side encryption (${sinkText} without ServerSideEncryption)`, label, kind: label.kind });
        continue;
      }
      for (const payload of payloads) this.checkWritten(payload, site, 0);
    }
  }

  /** A written value: object literals are checked field by field, so the finding points at the field. */
  private checkWritten(expr: ts.Expression, site: (node: ts.Node) => SinkSite, depth: number): void {
    const e = skipTransparent(expr);
    // Field by field only for a literal written in place; a variable is reported where it is written.
    const object = depth < 3 && ts.isObjectLiteralExpression(e) ? e : undefined;
    if (object) {
      const explicitKeys = new Set(object.properties.map((p) => (p.name ? propertyNameText(p.name as ts.PropertyName) : undefined)).filter((k): k is string => k !== undefined));
      for (const prop of object.properties) {
        if (ts.isSpreadAssignment(prop)) {
          // `{ ...lead, phone: tokenize(lead.phone) }`: a field set explicitly overrides the spread one.
          const t = this.valueTaint(prop.expression);
          this.report({ ...t, labels: t.labels.filter((l) => !(l.field && explicitKeys.has(l.field))) }, site(prop), prop.expression, false);
          continue;
        }
        const key = prop.name ? propertyNameText(prop.name as ts.PropertyName) : undefined;
        if (key !== undefined && this.declaredFields?.has(key)) continue;
        if (ts.isPropertyAssignment(prop)) {
          const value = skipTransparent(prop.initializer);
          if (ts.isObjectLiteralExpression(value) || ts.isArrayLiteralExpression(value)) {
            this.checkWritten(value, site, depth + 1);
            continue;
          }
          let t = this.valueTaint(prop.initializer);
          if (!isTainted(t) && !t.clean && key !== undefined) t = this.taint.nameTaint(key, prop.name);
          this.report(t, site(prop), prop.initializer, false);
        } else if (ts.isShorthandPropertyAssignment(prop)) {
          this.report(this.valueTaint(prop.name), site(prop), prop.name, false);
        }
      }
      return;
    }
    if (ts.isArrayLiteralExpression(e) && depth < 3) {
      for (const element of e.elements) this.checkWritten(element, site, depth + 1);
      return;
    }
    this.report(this.valueTaint(e), site(e), e, false);
  }

  private checkSql(sink: ts.CallExpression | ts.NewExpression, args: readonly ts.Expression[], site: (node: ts.Node) => SinkSite): void {
    const prepared = preparedStatementSql(sink, this.ctx);
    const first = prepared ?? args[0];
    if (!first) return;
    const sql = sqlText(first, this.ctx);
    if (sql === undefined || !SQL_WRITE.test(sql)) return;
    const written = writtenPlaceholders(sql);
    const query = skipTransparent(first);
    const inputs = namedInputs(sink);
    if (inputs.length > 0) {
      // mssql: `request.input('remoteNumber', sql.VarChar(20), value).query('INSERT … VALUES (@remoteNumber)')`.
      const where = /^\s*update\b/i.test(sql) ? sql.search(/\bwhere\b/i) : -1;
      const writtenPart = where < 0 ? sql : sql.slice(0, where);
      for (const input of inputs) {
        if (new RegExp(`@${input.name}\\b`, 'i').test(writtenPart)) this.report(this.valueTaint(input.value), site(input.value), input.value, false);
      }
      return;
    }
    if (ts.isTemplateExpression(query)) for (const span of query.templateSpans) this.report(this.valueTaint(span.expression), site(span.expression), span.expression, false);
    let values: readonly ts.Expression[];
    if (prepared) values = args;
    else {
      const objectForm = ts.isObjectLiteralExpression(query) ? propertyValue(query, 'values') : undefined;
      const second = args[1] ? skipTransparent(args[1]) : undefined;
      // Sequelize: `sequelize.query(sql, { replacements: [...] })` or `{ bind: [...] }`.
      const options = second && ts.isObjectLiteralExpression(second) ? (propertyValue(second, 'replacements') ?? propertyValue(second, 'bind')) : undefined;
      const params = objectForm ?? options ?? second;
      if (!params) return;
      const list = skipTransparent(params);
      if (!ts.isArrayLiteralExpression(list)) {
        if (ts.isObjectLiteralExpression(list)) this.checkWritten(list, site, 0);
        else this.report(this.valueTaint(params), site(params), params, false);
        return;
      }
      values = list.elements;
    }
    values.forEach((value, i) => {
      if (written && !written.has(i)) return; // only in the WHERE clause: a lookup, not a write
      this.report(this.valueTaint(value), site(value), value, false);
    });
  }

  /** Taint plus, when nothing else is known, what the value's declared type says. */
  valueTaint(expr: ts.Expression): Taint {
    return this.taint.withTypes(expr, this.taint.taintOf(expr), true);
  }

  /** Concrete labels become findings; parameter references become summaries resolved at call sites. */
  report(t: Taint, site: SinkSite, valueNode: ts.Expression, dropBooleans: boolean): void {
    const labels = t.labels.filter((l) => !(dropBooleans && l.signal === 'name' && !l.container && this.taint.isBooleanTyped(valueNode)));
    const accepted = labels.filter((l) => site.accepts(l));
    const best = strongest(accepted);
    if (best) this.findings.push({ ruleId: site.ruleId, node: site.node, sinkText: site.sinkText, summary: site.describe(best), label: best, kind: best.kind });
    for (const label of labels) this.observations.push({ site, label, protection: 'none', reported: label === best });
    for (const label of t.protectedLabels ?? []) this.observations.push({ site, label, protection: label.protectedBy === 'mask' ? 'masked' : 'encrypted', reported: false });
    for (const p of t.params) this.paramSinks.push({ fn: p.fn, index: p.index, path: p.path, steps: p.steps, site });
  }

  /** Every PII value seen at a sink (for `piiguard inventory`). */
  readonly observations: Observation[] = [];

  private hintsContent(object: ts.ObjectLiteralExpression, hint: NonNullable<CallSinkModel['contentHint']>): boolean {
    const pattern = new RegExp(hint.pattern, 'i');
    for (const name of hint.properties) {
      const value = propertyValue(object, name);
      if (!value) continue;
      const text = staticText(value, this.ctx);
      if (text !== undefined && pattern.test(text)) return true;
    }
    return false;
  }

  /** Calls anywhere in the program by callee name (set by the analyzer). */
  programCalls?: (name: string) => readonly ts.CallExpression[];
  private fastifyRedact?: string[][] | null;

  /** `Fastify({ logger: { redact: [...] } })` anywhere in the program covers `request.log` and `app.log`. */
  private fastifyRedactPaths(): string[][] | undefined {
    if (this.fastifyRedact === undefined) {
      const paths: string[][] = [];
      for (const name of ['Fastify', 'fastify']) {
        for (const call of this.programCalls?.(name) ?? []) {
          const options = call.arguments[0] ? objectLiteralOf(call.arguments[0], this.ctx) : undefined;
          const logger = options ? propertyValue(options, 'logger') : undefined;
          const loggerOptions = logger ? objectLiteralOf(logger, this.ctx) : undefined;
          if (loggerOptions) paths.push(...(this.redactPaths(loggerOptions) ?? []));
        }
      }
      this.fastifyRedact = paths.length ? paths : null;
    }
    return this.fastifyRedact ?? undefined;
  }

  /** `pino({ redact: ['phone', '*.msisdn', 'caller.*'] })` or `{ redact: { paths: [...] } }`. */
  private pinoRedactPaths(sink: ts.CallExpression | ts.NewExpression): string[][] | undefined {
    const creation = findCreationCall(skipTransparent(sink.expression), this.ctx, 0);
    const options = creation?.arguments?.[0] ? objectLiteralOf(creation.arguments[0], this.ctx) : undefined;
    return options ? this.redactPaths(options) : undefined;
  }

  private redactPaths(options: ts.ObjectLiteralExpression): string[][] | undefined {
    const redact = propertyValue(options, 'redact');
    if (!redact) return undefined;
    const list = ts.isArrayLiteralExpression(redact) ? redact : ts.isObjectLiteralExpression(redact) ? propertyValue(redact, 'paths') : undefined;
    if (!list || !ts.isArrayLiteralExpression(list)) return undefined;
    const paths: string[][] = [];
    for (const element of list.elements) {
      if (ts.isStringLiteralLike(element)) paths.push(redactSegments(element.text));
    }
    return paths;
  }
}

/** `a.b["c"][0]` → a, b, c, 0 — one pass, no backtracking (the text comes from scanned code). */
export function redactSegments(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (const ch of path.slice(0, 500)) {
    if (ch === '.' || ch === '[' || ch === ']') {
      if (current) segments.push(current);
      current = '';
    } else if (ch !== '"' && ch !== "'") current += ch;
  }
  if (current) segments.push(current);
  return segments;
}

/** A pino redaction path covers the PII's key path from the log object's root (`*` matches one key); redacting a key redacts all below it. */
function isRedacted(label: Label, paths: readonly string[][]): boolean {
  const keyPath = label.path ?? (label.field ? [label.field] : []);
  if (keyPath.length === 0) return false;
  return paths.some((p) => p.length <= keyPath.length && p.every((segment, i) => segment === '*' || segment === keyPath[i]));
}

export function strongest(labels: readonly Label[]): Label | undefined {
  const order = { source: 4, type: 3, literal: 2, name: 1 } as const;
  let best: Label | undefined;
  for (const l of labels) if (!best || order[l.signal] > order[best.signal]) best = l;
  return best;
}

/** "Phone number from req.body.From (Twilio webhook parameter)" / "Phone number in `lead` (field phone)". */
export function subject(label: Label): string {
  const kind = PII_KIND_LABELS[label.kind];
  if (label.container && label.signal === 'type') return `${kind} in \`${label.describe.replace(/ \(.*$/, '')}\`${label.describe.includes('(') ? ` ${label.describe.slice(label.describe.indexOf('('))}` : ''}`;
  const where = label.container ? ` (in field ${(label.path ?? [label.field ?? '?']).join('.')})` : '';
  if (label.signal === 'literal') return `${kind} (${label.describe})${where}`;
  if (label.signal === 'source') return `${kind} from ${label.describe}${where}`;
  return `${kind} \`${label.describe}\`${where}`;
}

export function calleeText(call: ts.CallExpression | ts.NewExpression): string {
  const text = codeText(call.expression);
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return ts.isNewExpression(call) ? `new ${short}` : short;
}

/** One scanner for every call (this runs at every sink); skipTrivia: whitespace and comments never become tokens. */
let codeScanner: ts.Scanner | undefined;
const SIMPLE_CODE = /^[\w$.]*$/;

/** Source text of a node without comments: messages and fingerprints must not change with comments. */
export function codeText(node: ts.Node): string {
  const sf = node.getSourceFile();
  const start = node.getStart(sf);
  const raw = sf.text.slice(start, node.getEnd());
  // Most callees (`this.logger.info`) have no whitespace, comment or string to normalise.
  if (SIMPLE_CODE.test(raw)) return raw;
  const scanner = (codeScanner ??= ts.createScanner(ts.ScriptTarget.Latest, true));
  scanner.setLanguageVariant(sf.languageVariant);
  scanner.setText(sf.text, start, node.getEnd() - start);
  let out = '';
  for (let kind = scanner.scan(); kind !== SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const token = scanner.getTokenText();
    // Keep one space between words (`new Inviter`), none elsewhere.
    out += /\w$/.test(out) && /^\w/.test(token) ? ` ${token}` : token;
  }
  return out;
}

export function selectedArgs(call: ts.CallExpression | ts.NewExpression, model: { args?: CallSinkModel['args'] }): ts.Expression[] {
  const args = call.arguments ?? [];
  if (!model.args || model.args === 'all') return [...args];
  return model.args.map((i) => args[i]).filter((a): a is ts.Expression => a !== undefined);
}

/** An object literal, directly or through a const. */
export function objectLiteralOf(expr: ts.Expression, ctx: EngineContext, depth = 0): ts.ObjectLiteralExpression | undefined {
  const e = skipTransparent(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isNewExpression(e) && e.arguments?.[0] && depth < 2) return objectLiteralOf(e.arguments[0], ctx, depth + 1);
  if (ts.isIdentifier(e) && depth < 3) {
    const declaration = ctx.symbolOf(e)?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) return objectLiteralOf(declaration.initializer, ctx, depth + 1);
  }
  return undefined;
}

export function propertyValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && propertyNameText(p.name) === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

function hasOption(object: ts.ObjectLiteralExpression | undefined, names: readonly string[]): boolean {
  if (!object) return false;
  for (const p of object.properties) {
    const key = p.name ? propertyNameText(p.name as ts.PropertyName) : undefined;
    if (key && names.includes(key)) return true;
    if (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(skipTransparent(p.initializer)) && hasOption(skipTransparent(p.initializer) as ts.ObjectLiteralExpression, names)) return true;
  }
  return false;
}

/** Literal text of a string, template (its literal parts) or const. */
export function staticText(expr: ts.Expression, ctx: EngineContext, depth = 0): string | undefined {
  const e = skipTransparent(expr);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isTemplateExpression(e)) return e.head.text + e.templateSpans.map((s) => ` ${s.literal.text}`).join('');
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken) {
    const left = staticText(e.left, ctx, depth + 1) ?? '';
    const right = staticText(e.right, ctx, depth + 1) ?? '';
    return left + ' ' + right;
  }
  if (ts.isIdentifier(e) && depth < 3) {
    const declaration = ctx.symbolOf(e)?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) return staticText(declaration.initializer, ctx, depth + 1);
  }
  return undefined;
}

/**
 * Names that identify the model a write targets: `Caller.create` → caller, `this.leadRepository.update`
 * → lead (and its `Repository<Lead>` type), `db.insert(patients)` → patient, `manager.insert(CallLog, …)`.
 */
function writeTargetKeys(sink: ts.CallExpression | ts.NewExpression, ctx: EngineContext): string[] {
  const keys: string[] = [];
  const callee = skipTransparent(sink.expression);
  const first = sink.arguments?.[0];
  if (first && ts.isIdentifier(skipTransparent(first))) keys.push((skipTransparent(first) as ts.Identifier).text);
  let current: ts.Expression = ts.isPropertyAccessExpression(callee) ? skipTransparent(callee.expression) : callee;
  for (let i = 0; i < 8; i++) {
    if (ts.isPropertyAccessExpression(current)) {
      keys.push(current.name.text);
      // Only `this.field` is looked up (syntactically): resolving other members would type-check receivers.
      let declaration: ts.Declaration | undefined;
      if (current.expression.kind === SyntaxKind.ThisKeyword) {
        const name = current.name.text;
        const cls = ts.findAncestor(current, ts.isClassLike);
        declaration = cls?.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === name);
        declaration ??= cls?.members.find(ts.isConstructorDeclaration)?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
      }
      if (declaration && (ts.isPropertyDeclaration(declaration) || ts.isParameter(declaration)) && declaration.type) keys.push(...typeNames(declaration.type));
      // `private readonly repo = dataSource.getRepository(CallRecordEntity)`: the entity named where it was made.
      const init = declaration && ts.isPropertyDeclaration(declaration) && declaration.initializer ? skipTransparent(declaration.initializer) : undefined;
      if (init && ts.isCallExpression(init)) for (const arg of init.arguments) if (ts.isIdentifier(skipTransparent(arg))) keys.push((skipTransparent(arg) as ts.Identifier).text);
      current = skipTransparent(current.expression);
    } else if (ts.isCallExpression(current)) {
      for (const arg of current.arguments) {
        const a = skipTransparent(arg);
        if (ts.isIdentifier(a)) keys.push(a.text);
        else if (ts.isStringLiteralLike(a)) keys.push(a.text);
      }
      current = skipTransparent(current.expression);
    } else {
      if (ts.isIdentifier(current)) {
        keys.push(current.text);
        // `const callbackRepo = dataSource.getRepository(CallbackRequestEntity)`: the entity named where it was made.
        const declaration = ctx.symbolOf(current)?.valueDeclaration;
        if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
          const init = skipTransparent(declaration.initializer);
          if (ts.isCallExpression(init)) for (const arg of init.arguments) if (ts.isIdentifier(skipTransparent(arg))) keys.push((skipTransparent(arg) as ts.Identifier).text);
        }
      }
      break;
    }
  }
  return keys.map(modelKey);
}

function typeNames(type: ts.TypeNode): string[] {
  const names: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName)) names.push(n.typeName.text);
    ts.forEachChild(n, visit);
  };
  visit(type);
  return names;
}

/** `stmt.run(a, b)` where `const stmt = db.prepare('INSERT …')`: the SQL given to prepare(). */
function preparedStatementSql(sink: ts.CallExpression | ts.NewExpression, ctx: EngineContext): ts.Expression | undefined {
  const callee = skipTransparent(sink.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  let receiver = skipTransparent(callee.expression);
  if (ts.isIdentifier(receiver)) {
    const declaration = ctx.symbolOf(receiver)?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) receiver = skipTransparent(declaration.initializer);
  }
  if (!ts.isCallExpression(receiver)) return undefined;
  const prepare = skipTransparent(receiver.expression);
  return ts.isPropertyAccessExpression(prepare) && prepare.name.text === 'prepare' ? receiver.arguments[0] : undefined;
}

/**
 * Indexes of the parameters an UPDATE writes: placeholders before WHERE. Undefined means all
 * (INSERT, or placeholders we can't map).
 */
/** The named parameters a query builder was given before the query: mssql `.input(name, [type,] value)` in the receiver chain. */
function namedInputs(sink: ts.CallExpression | ts.NewExpression): { name: string; value: ts.Expression }[] {
  const inputs: { name: string; value: ts.Expression }[] = [];
  let receiver = ts.isPropertyAccessExpression(skipTransparent(sink.expression)) ? skipTransparent((skipTransparent(sink.expression) as ts.PropertyAccessExpression).expression) : undefined;
  for (let guard = 0; receiver && ts.isCallExpression(receiver) && guard < 200; guard++) {
    const callee = skipTransparent(receiver.expression);
    if (!ts.isPropertyAccessExpression(callee)) break;
    const [name, , third] = receiver.arguments;
    const value = third ?? receiver.arguments[1];
    if (callee.name.text === 'input' && name && ts.isStringLiteralLike(name) && value && /^\w+$/.test(name.text)) inputs.push({ name: name.text, value });
    receiver = skipTransparent(callee.expression);
  }
  return inputs.reverse();
}

function writtenPlaceholders(sql: string): Set<number> | undefined {
  if (!/^\s*update\b/i.test(sql)) return undefined;
  const where = sql.search(/\bwhere\b/i);
  if (where < 0) return undefined;
  const placeholders = [...sql.matchAll(/\$(\d+)|\?|:(\w+)|@(\w+)/g)];
  if (placeholders.some((m) => m[2] !== undefined || m[3] !== undefined)) return undefined;
  const written = new Set<number>();
  let positional = 0;
  for (const m of placeholders) {
    const index = m[1] !== undefined ? Number(m[1]) - 1 : positional++;
    if ((m.index ?? 0) < where) written.add(index);
  }
  return written;
}

function sqlText(expr: ts.Expression, ctx: EngineContext): string | undefined {
  const e = skipTransparent(expr);
  const object = ts.isObjectLiteralExpression(e) ? e : undefined;
  if (object) {
    const text = propertyValue(object, 'text') ?? propertyValue(object, 'sql');
    return text ? staticText(text, ctx) : undefined;
  }
  return staticText(e, ctx);
}

/** The call that created a logger: `pino({...})` behind `logger`, `this.logger`, or an imported `logger`. */
function findCreationCall(expr: ts.Expression, ctx: EngineContext, depth: number): ts.CallExpression | ts.NewExpression | undefined {
  if (depth > 4) return undefined;
  const e = skipTransparent(expr);
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    const callee = skipTransparent(e.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'child') return findCreationCall(callee.expression, ctx, depth + 1);
    return e;
  }
  if (ts.isPropertyAccessExpression(e)) return findCreationCall(e.expression, ctx, depth + 1);
  if (ts.isIdentifier(e)) {
    const symbol = ctx.symbolOf(e);
    let declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (symbol && declaration && (ts.isImportSpecifier(declaration) || ts.isImportClause(declaration))) declaration = ctx.aliasedDeclaration(symbol);
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) return findCreationCall(declaration.initializer, ctx, depth + 1);
  }
  return undefined;
}

/** A query parameter being given its value: `?phone=`, `&to=`. */
const QUERY_KEY = /[?&][\w.%[\]-]+=/;

/**
 * The interpolations of a template that is recognisably a URL on its own: `https://…`, or text without
 * spaces holding `?key=` (`/agent/history?phone=${…}`, `${base}/nps?phone=${…}`). Log messages and labels
 * (`Calling ${phone}`) have spaces; `tel:`/`mailto:` links request nothing. Without a scheme, only the
 * values after the `?` count: a leading path can as well be a file or a cache key.
 */
export function urlTemplateParts(template: ts.TemplateExpression): ts.Expression[] {
  const head = template.head.text;
  const literals = [head, ...template.templateSpans.map((s) => s.literal.text)];
  if (literals.some((text) => /\s/.test(text)) || /^(tel|mailto|sms|callto|sips?):/i.test(head)) return [];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(head)) return template.templateSpans.map((s) => s.expression);
  if (!literals.some((text) => QUERY_KEY.test(text))) return [];
  const parts: ts.Expression[] = [];
  let inQuery = head.includes('?');
  for (const span of template.templateSpans) {
    if (inQuery) parts.push(span.expression);
    inQuery ||= span.literal.text.includes('?');
  }
  return parts;
}

const VENDOR_HOSTS = thirdPartyApiHosts.map((h) => ({ describe: h.describe, pattern: new RegExp(h.host, 'i') }));

const BODY_OPTION = /^(body|data|json|form)$/;
const WRITE_METHOD = /^(post|put|patch)$/;

function skipParents(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent) || ts.isNonNullExpression(n.parent) || ts.isAwaitExpression(n.parent))) n = n.parent;
  return n;
}

/** A reference in value position (not a property name or a declaration's own name). */
function isScopeIdentifier(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === id) return false;
  return true;
}

/** How a URLSearchParams value is used here: as a request body, mutated in place (neutral), or otherwise. */
function bodyUse(node: ts.Node): 'body' | 'neutral' | 'other' {
  const n = skipParents(node);
  const parent = n.parent;
  if (!parent) return 'other';
  if (ts.isPropertyAccessExpression(parent) && parent.expression === n) {
    const call = parent.parent;
    if (!call || !ts.isCallExpression(call) || call.expression !== parent) return 'other';
    if (/^(append|set|delete|sort)$/.test(parent.name.text)) return 'neutral';
    return parent.name.text === 'toString' ? (bodyUse(call) === 'body' ? 'body' : 'other') : 'other';
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === n) return BODY_OPTION.test(propertyNameText(parent.name) ?? '') ? 'body' : 'other';
  if (ts.isShorthandPropertyAssignment(parent)) return BODY_OPTION.test(parent.name.text) ? 'body' : 'other';
  if (ts.isCallExpression(parent) && parent.arguments[1] === n) {
    const callee = skipTransparent(parent.expression);
    if (ts.isPropertyAccessExpression(callee) && WRITE_METHOD.test(callee.name.text)) return 'body';
  }
  return 'other';
}

/**
 * `tel:`, `mailto:`, `sms:` and SIP links, and PBX dial strings (`PJSIP/${number}@trunk` in an ARI
 * `endpoint`, `sofia/gateway/…` in FreeSWITCH), as a template or a concatenation: they request nothing.
 */
function isLinkWithoutRequest(e: ts.Expression): boolean {
  const head = leadingText(e);
  return head !== undefined && (/^\s*(tel|mailto|sms|callto|sips?):/i.test(head) || DIAL_STRING.test(head));
}

/** The text a template or a concatenation (`'Local/' + n + '@ctx'`) starts with. */
function leadingText(expr: ts.Expression): string | undefined {
  let e = skipTransparent(expr);
  for (let i = 0; i < 16 && ts.isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken; i++) e = skipTransparent(e.left);
  return ts.isTemplateExpression(e) ? e.head.text : ts.isStringLiteralLike(e) ? e.text : undefined;
}

/** Channel technologies of Asterisk and FreeSWITCH dial strings. */
const DIAL_STRING = /^\s*(PJSIP|SIP|IAX2|DAHDI|Local|Motif|sofia|user|loopback|verto\.rtc)\//i;

function returnsOnlyCheckedLinks(fn: ts.SignatureDeclaration | undefined): boolean {
  const body = fn && 'body' in fn ? fn.body : undefined;
  if (!body) return false;
  const checked = (e: ts.Expression): boolean => isLinkWithoutRequest(e) || (ts.isTemplateExpression(e) && urlTemplateParts(e).length === e.templateSpans.length);
  if (!ts.isBlock(body)) return checked(skipTransparent(body as ts.Expression));
  let links = 0;
  let others = 0;
  forEachReturn(body, (r) => {
    if (r.expression && checked(skipTransparent(r.expression))) links++;
    else others++;
  });
  return links > 0 && others === 0;
}

function hasBody(fn: ts.SignatureDeclaration | undefined): boolean {
  return fn !== undefined && 'body' in fn && fn.body !== undefined;
}

/** Models of request calls: their body may go to a vendor's API host, their options may hold the query string. */
const REQUEST_MODELS: ReadonlySet<string> = new Set(['http-client', 'fetch', 'ofetch', 'fetch-wrapper']);

/** Options that become the query string: axios `params`, got/ky `searchParams`, ofetch and Nuxt `query`/`params`. */
const QUERY_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  'http-client': ['params', 'searchParams'],
  ofetch: ['query', 'params'],
  'fetch-wrapper': ['query', 'params', 'searchParams'],
};

/**
 * Query parameters given as request options (`names`, see QUERY_OPTIONS). An axios
 * `post/put/patch(url, data, config)` takes data second, so there only the third argument holds options.
 */
function queryOptions(call: ts.CallExpression, names: readonly string[]): ts.Expression[] {
  const callee = skipTransparent(call.expression);
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const found: ts.Expression[] = [];
  call.arguments.forEach((arg, i) => {
    const e = skipTransparent(arg);
    if (i === 0 || !ts.isObjectLiteralExpression(e)) return;
    const dataSecond = method !== undefined && WRITE_METHOD.test(method) && i === 1;
    for (const name of dataSecond ? names.filter((n) => n === 'searchParams') : names) {
      const value = propertyValue(e, name);
      if (value) found.push(value);
    }
  });
  return found;
}

/** What a request sends as its body: axios data, fetch/got `body`/`json`/`form`, or `data` of a config object. */
function requestPayloads(call: ts.CallExpression, ctx: EngineContext): ts.Expression[] {
  const [first, second] = call.arguments;
  const config = first ? objectLiteralOf(first, ctx) : undefined;
  if (config) return ['data', 'body', 'json', 'form'].map((k) => propertyValue(config, k)).filter((v): v is ts.Expression => v !== undefined);
  if (!second) return [];
  const options = ts.isObjectLiteralExpression(skipTransparent(second)) ? (skipTransparent(second) as ts.ObjectLiteralExpression) : undefined;
  const isOptions = options?.properties.some((p) => p.name !== undefined && /^(body|json|form|method|headers|signal)$/.test(propertyNameText(p.name as ts.PropertyName) ?? ''));
  if (options && isOptions) return ['body', 'json', 'form'].map((k) => propertyValue(options, k)).filter((v): v is ts.Expression => v !== undefined);
  return [second];
}

/** `axios.create({...})` / `got.extend({...})` behind a client: a const, an import of one, or a `this.client` field. */
function clientCreation(receiver: ts.Expression, ctx: EngineContext): ts.CallExpression | undefined {
  const e = skipTransparent(receiver);
  let initializer: ts.Expression | undefined;
  if (ts.isIdentifier(e)) {
    const symbol = ctx.symbolOf(e);
    let declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (symbol && declaration && (ts.isImportSpecifier(declaration) || ts.isImportClause(declaration))) declaration = ctx.aliasedDeclaration(symbol);
    if (declaration && ts.isVariableDeclaration(declaration)) initializer = declaration.initializer;
  } else if (ts.isPropertyAccessExpression(e) && e.expression.kind === SyntaxKind.ThisKeyword) {
    const name = e.name.text;
    const cls = ts.findAncestor(e, ts.isClassLike);
    const property = cls?.members.find((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && m.name.getText() === name);
    initializer = property?.initializer;
    // `this.http = axios.create({...})` in the constructor.
    const ctor = cls?.members.find(ts.isConstructorDeclaration);
    for (const statement of initializer ? [] : (ctor?.body?.statements ?? [])) {
      if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
      const { left, right, operatorToken } = statement.expression;
      if (operatorToken.kind === SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(left) && left.expression.kind === SyntaxKind.ThisKeyword && left.name.text === name) initializer = right;
    }
  }
  const init = initializer ? skipTransparent(initializer) : undefined;
  return init && ts.isCallExpression(init) ? init : undefined;
}

/** The string constants an expression may hold: literals, template heads, consts, both sides of `??`/`||` and `?:`. */
function literalTexts(expr: ts.Expression, ctx: EngineContext, out: string[], depth: number): void {
  const e = skipTransparent(expr);
  if (depth > 4 || out.length > 8) return;
  if (ts.isStringLiteralLike(e)) out.push(e.text);
  else if (ts.isTemplateExpression(e)) {
    if (e.head.text) out.push(e.head.text);
    else literalTexts(e.templateSpans[0]!.expression, ctx, out, depth + 1);
  } else if (ts.isBinaryExpression(e) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(e.operatorToken.kind)) {
    literalTexts(e.left, ctx, out, depth + 1);
    literalTexts(e.right, ctx, out, depth + 1);
  } else if (ts.isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken) literalTexts(e.left, ctx, out, depth + 1);
  else if (ts.isConditionalExpression(e)) {
    literalTexts(e.whenTrue, ctx, out, depth + 1);
    literalTexts(e.whenFalse, ctx, out, depth + 1);
  } else if (ts.isIdentifier(e)) {
    const declaration = ctx.symbolOf(e)?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) literalTexts(declaration.initializer, ctx, out, depth + 1);
  }
}

export function isRuleKind(ruleId: RuleId): boolean {
  return ruleId !== 'no-invalid-suppression';
}

export { forEachReturn };
