import ts, { SyntaxKind } from '../../typescript.js';
import { type CompiledApiRef, skipTransparent } from '../access-path.js';
import type { EngineContext } from '../context.js';
import type { TextEdit } from '../finding.js';
import { propertyNameText } from '../taint.js';

/** A transport problem found syntactically: where, what, and a safe fix when there is one. */
export interface TransportIssue {
  node: ts.Node;
  summary: string;
  sink: string;
  fix?: TextEdit[];
}

const DEFAULT_WRAPPERS = new Set(['default', 'catch', 'get', 'getOrDefault', 'fallback', 'withDefault', 'or', 'optional', 'env', 'getEnv', 'fromEnv', 'envOr', 'required', 'str', 'url']);
const URL_VARIABLE = /(url|uri|endpoint|base|host|webhook|callback|server|origin|api|address|addr)$/i;
const SIP_SIBLING = /^(uri|sipUri|registrar|outboundProxy|domain|sip|realm|contact|aor|server|proxy|wsServers|authorizationUsername|displayName|sipDomain|gateway|trunk)$/;
const STRING_SETTINGS: readonly { pattern: RegExp; summary: string }[] = [
  { pattern: /[?&;\s]sslmode=disable\b/i, summary: 'Database connection string disables TLS (sslmode=disable)' },
  { pattern: /[?&;](ssl|tls)=false\b/i, summary: 'Connection string turns TLS off (ssl=false / tls=false)' },
  { pattern: /\brtp_secure_media=(false|no|optional)\b/i, summary: 'FreeSWITCH dial string turns SRTP off (rtp_secure_media=false)' },
  { pattern: /\bmedia_encryption\s*=\s*(no|none)\b/i, summary: 'SIP media encryption is off (media_encryption=no)' },
  { pattern: /;transport=(udp|tcp)\b/i, summary: 'SIP URI uses an unencrypted transport (transport=udp/tcp)' },
];
const SCHEME = /^\s*([a-z][a-z0-9+.-]*):(\/\/)?/i;
/** Four plain words in a row: a sentence (help text, a log message), not a setting or a command. */
// The lookbehind keeps it linear: a match can only start where a run of letters starts.
const PROSE = /(?<![A-Za-z])[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/;

/**
 * Plaintext transport found in syntax: URLs with plaintext schemes (http only where a request or
 * callback is configured, the others anywhere), `sip:` URIs, TLS/SRTP switched off, old TLS.
 */
export class TransportCheck {
  private readonly schemes: Map<string, { secure: string; describe: string }>;
  private readonly insecureByProperty = new Map<string, TransportOption>();
  private readonly weakTlsProperties: Set<string>;
  private readonly weakTlsValues: Set<string>;
  private readonly sipPlain: Set<string>;
  private readonly urlCallees: Set<string>;

  constructor(private readonly ctx: EngineContext) {
    const t = ctx.knowledge.raw.transport;
    this.schemes = new Map(t.plaintextSchemes.map((s) => [s.scheme.toLowerCase(), { secure: s.secure, describe: s.describe }]));
    for (const option of t.insecureOptions) for (const p of option.properties) this.insecureByProperty.set(p, { ...option, sibling: option.requiresSibling ? new RegExp(option.requiresSibling) : undefined });
    this.weakTlsProperties = new Set(t.weakTlsProperties);
    this.weakTlsValues = new Set(t.weakTlsValues);
    this.sipPlain = new Set(t.sipPlainTransports.map((s) => s.toLowerCase()));
    this.urlCallees = new Set(ctx.knowledge.urlCalls.flatMap((u) => u.refs.flatMap((r) => lastNames(r))));
  }

  check(node: ts.Node): TransportIssue[] {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return this.checkText(node, node.text);
    if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return ts.isTemplateHead(node) ? this.checkText(node, node.text) : this.checkSettings(node, node.text);
    if (ts.isPropertyAssignment(node)) return this.checkOption(node);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken) return this.checkEnvAssignment(node);
    return [];
  }

  private checkText(node: ts.StringLiteralLike | ts.TemplateHead, text: string): TransportIssue[] {
    const issues = this.checkSettings(node, text);
    const match = SCHEME.exec(text);
    if (!match) return issues;
    const scheme = match[1]!.toLowerCase();
    const plain = this.schemes.get(scheme);
    if (!plain) return issues;
    const hasSlashes = match[2] === '//';
    if (scheme === 'sip') {
      const uri = text.split(/[\s>]/)[0] ?? '';
      const looksLikeUri = ts.isTemplateHead(node) ? /^\s*sip:[^\s]*$/i.test(uri) : /^\s*sip:[^\s@]+(@[^\s]+)?$/i.test(uri);
      if (hasSlashes || !looksLikeUri) return issues;
      const host = sipHost(text);
      if (host !== undefined && this.isSafeHost(host)) return issues;
      if (isLogMessage(node)) return issues;
      return [...issues, { node, summary: 'SIP URI uses sip: instead of sips:, so signalling (caller and callee numbers) travels unencrypted', sink: 'sip: URI', fix: this.schemeFix(node, text, 'sip', 'sips') }];
    }
    if (!hasSlashes) return issues;
    const host = urlHost(text.slice(match[0].length));
    if (host !== undefined && this.isSafeHost(host)) return issues;
    if (scheme === 'http' && !this.inRequestContext(node)) return issues;
    const summary = `${plain.describe} over plaintext ${scheme}:// ${scheme === 'http' ? 'for a request or callback URL' : 'connection'}: call data and numbers can be read or altered in transit`;
    const fix = scheme === 'http' || scheme === 'ws' ? this.schemeFix(node, text, scheme, plain.secure) : undefined;
    return [...issues, { node, summary, sink: `${scheme}:// URL`, fix }];
  }

  private checkSettings(node: ts.Node, text: string): TransportIssue[] {
    // Every setting is written `name=value`: most strings (messages, keys, names) have no `=` at all.
    if (text.length < 8 || !text.includes('=') || PROSE.test(text)) return [];
    const issues: TransportIssue[] = [];
    for (const setting of STRING_SETTINGS) {
      if (!setting.pattern.test(text)) continue;
      const url = SCHEME.exec(text);
      const host = url?.[2] === '//' ? urlHost(text.slice(url[0].length)) : undefined;
      if (host !== undefined && this.isSafeHost(host)) continue;
      issues.push({ node, summary: setting.summary, sink: 'connection setting' });
    }
    return issues;
  }

  private schemeFix(node: ts.Node, text: string, from: string, to: string): TextEdit[] | undefined {
    if (!(ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node))) return undefined;
    const start = node.getStart() + 1; // after the opening quote or backtick
    const sourceText = node.getSourceFile().text;
    if (sourceText.slice(start, start + from.length).toLowerCase() !== from || !text.toLowerCase().startsWith(from)) return undefined;
    return [{ start, end: start + from.length, text: to }];
  }

  /** http:// only matters where a request is made or a callback is registered. */
  private inRequestContext(literal: ts.Node): boolean {
    let node: ts.Node = literal;
    for (let i = 0; i < 6 && node.parent; i++) {
      const parent: ts.Node = node.parent;
      if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
        const key = propertyNameText(parent.name);
        return key !== undefined && this.ctx.knowledge.urlProperties.test(key);
      }
      if (ts.isVariableDeclaration(parent) && parent.initializer === node) return ts.isIdentifier(parent.name) && URL_VARIABLE.test(parent.name.text);
      if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === SyntaxKind.EqualsToken && parent.right === node) {
        const left = skipTransparent(parent.left);
        const name = ts.isPropertyAccessExpression(left) ? left.name.text : ts.isIdentifier(left) ? left.text : '';
        return URL_VARIABLE.test(name) || this.ctx.knowledge.urlProperties.test(name);
      }
      if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node as ts.Expression)) {
        if (this.isUrlCall(parent, node)) return true;
        // `ARI_URL: z.string().default('http://…')`, `config.get('crmUrl', 'http://…')`: a default value; judge where it lands.
        const callee = skipTransparent(parent.expression);
        const wrapper = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
        if (DEFAULT_WRAPPERS.has(wrapper)) {
          node = parent;
          continue;
        }
        return false;
      }
      const passThrough =
        ts.isTemplateExpression(parent) ||
        ts.isParenthesizedExpression(parent) ||
        ts.isAsExpression(parent) ||
        ts.isTemplateSpan(parent) ||
        ts.isConditionalExpression(parent) ||
        ts.isArrayLiteralExpression(parent) ||
        (ts.isBinaryExpression(parent) && [SyntaxKind.PlusToken, SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(parent.operatorToken.kind));
      if (passThrough) {
        node = parent;
        continue;
      }
      if (ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) return false;
      return false;
    }
    return false;
  }

  private isUrlCall(call: ts.CallExpression | ts.NewExpression, arg: ts.Node): boolean {
    const callee = skipTransparent(call.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (name === undefined) return false;
    if (!this.urlCallees.has(name) && !(ts.isIdentifier(callee) && this.urlCallees.has('*identifier*')) && !this.urlCallees.has('*receiver*')) return false;
    const construct = ts.isNewExpression(call);
    const index = call.arguments?.indexOf(arg as ts.Expression) ?? -1;
    return this.ctx.knowledge.urlCalls.some((u) => u.construct === construct && u.args.includes(index) && this.ctx.resolver.match(construct ? call : callee, u.refs) !== undefined);
  }

  private checkOption(prop: ts.PropertyAssignment): TransportIssue[] {
    const key = propertyNameText(prop.name);
    if (key === undefined) return [];
    const value = literalValue(prop.initializer);
    if (value === undefined) return [];
    const object = prop.parent;
    if (key === 'NODE_TLS_REJECT_UNAUTHORIZED' && (value === '0' || value === 0)) {
      return [{ node: prop.initializer, summary: 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate verification for every TLS connection of the process', sink: 'TLS setting' }];
    }
    if (this.weakTlsProperties.has(key) && typeof value === 'string' && this.weakTlsValues.has(value)) {
      if (key === 'maxVersion' || key === 'minVersion' || key === 'secureProtocol' || !/max/i.test(key)) {
        return [{ node: prop.initializer, summary: `TLS version below 1.2 is allowed (${key}: '${value}')`, sink: 'TLS setting' }];
      }
    }
    if (key === 'transport' && typeof value === 'string' && this.sipPlain.has(value.toLowerCase()) && siblings(object).some((sibling) => SIP_SIBLING.test(sibling))) {
      return [{ node: prop.initializer, summary: `SIP transport '${value}' is unencrypted: signalling with caller and callee numbers travels in clear text`, sink: 'SIP transport' }];
    }
    const option = this.insecureByProperty.get(key);
    if (!option || !option.offValues.includes(value)) return [];
    // Driver options nested in the connection settings: mssql `{ server, options: { encrypt: false } }`,
    // Sequelize `{ dialect, dialectOptions: { ssl: false } }`.
    const connection = ts.isPropertyAssignment(object.parent) && NESTED_DRIVER_OPTIONS.test(object.parent.name.getText()) && ts.isObjectLiteralExpression(object.parent.parent) ? object.parent.parent : undefined;
    const names = connection ? [...siblings(object), ...siblings(connection)] : siblings(object);
    if (option.sibling && !names.some((n) => option.sibling!.test(n))) return [];
    if (option.sibling) {
      const host = siblingLiteral(object, ['host', 'hostname', 'server']) ?? (connection ? siblingLiteral(connection, ['host', 'hostname', 'server']) : undefined);
      if (typeof host === 'string' && this.isSafeHost(host)) return [];
    }
    if (key === 'secure' && siblingLiteral(object, ['requireTLS']) === true) return [];
    if (key === 'secure' && siblingLiteral(object, ['port']) === 465) return [];
    return [{ node: prop.initializer, summary: `${option.describe} (${key}: ${JSON.stringify(value)})`, sink: 'TLS setting' }];
  }

  private checkEnvAssignment(assignment: ts.BinaryExpression): TransportIssue[] {
    const left = skipTransparent(assignment.left);
    const name = ts.isPropertyAccessExpression(left) ? left.name.text : ts.isElementAccessExpression(left) && ts.isStringLiteralLike(left.argumentExpression) ? left.argumentExpression.text : undefined;
    if (name !== 'NODE_TLS_REJECT_UNAUTHORIZED') return [];
    const value = literalValue(assignment.right);
    if (value !== '0' && value !== 0) return [];
    return [{ node: assignment.right, summary: 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate verification for every TLS connection of the process', sink: 'TLS setting' }];
  }

  private isSafeHost(host: string): boolean {
    const h = host.toLowerCase();
    return this.ctx.knowledge.safeHosts.some((p) => p.test(h));
  }
}

interface TransportOption {
  properties: readonly string[];
  offValues: readonly (string | boolean | number)[];
  describe: string;
  sibling?: RegExp;
}

/** Properties holding a driver's own options inside connection settings. */
const NESTED_DRIVER_OPTIONS = /^(options|dialectOptions|driverOptions|connectionOptions|extra)$/;

/** Names the callee of a call matching this ref can end with (for a cheap pre-filter). */
function lastNames(ref: CompiledApiRef): string[] {
  for (let i = ref.steps.length - 1; i >= 0; i--) {
    const step = ref.steps[i]!;
    if (step.kind === 'member') return step.names === 'any' ? [] : [...step.names];
  }
  if (ref.root.kind === 'global') return [ref.root.name];
  if (ref.root.kind === 'module') return ['*identifier*'];
  return ['*receiver*'];
}

function literalValue(expr: ts.Expression): string | boolean | number | undefined {
  const e = skipTransparent(expr);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (e.kind === SyntaxKind.TrueKeyword) return true;
  if (e.kind === SyntaxKind.FalseKeyword) return false;
  if (ts.isNumericLiteral(e)) return Number(e.text);
  return undefined;
}

function siblings(object: ts.ObjectLiteralExpression): string[] {
  return object.properties.map((p) => (p.name ? propertyNameText(p.name as ts.PropertyName) : undefined)).filter((n): n is string => n !== undefined);
}

function siblingLiteral(object: ts.ObjectLiteralExpression, names: readonly string[]): string | boolean | number | undefined {
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && names.includes(propertyNameText(p.name) ?? '')) return literalValue(p.initializer);
  }
  return undefined;
}

/** Host of `host[:port]/path` (after the scheme and //), or undefined when interpolated. */
function urlHost(rest: string): string | undefined {
  const authority = rest.split(/[/?#]/)[0] ?? '';
  const host = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
  if (host.length === 0 || host.includes('${')) return undefined;
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0];
}

function sipHost(text: string): string | undefined {
  const rest = text.slice(4).split(/[;?>\s]/)[0] ?? '';
  const host = rest.includes('@') ? rest.slice(rest.indexOf('@') + 1) : rest;
  return host.split(':')[0] || undefined;
}

/** A string that is the message of a log call is prose, not a URI. */
function isLogMessage(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent || !ts.isCallExpression(parent)) return false;
  const callee = skipTransparent(parent.expression);
  return ts.isPropertyAccessExpression(callee) && /^(log|info|warn|error|debug|trace)$/.test(callee.name.text);
}
