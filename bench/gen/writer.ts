/**
 * A source file under construction: imports are collected while the body is written, so
 * templates can ask for an import at the point where they use it.
 */
import { posix } from 'node:path';

export type Lang = 'ts' | 'js';
export type ModuleSystem = 'esm' | 'cjs';
/** The four mission rules, as ids; injected problems are recorded under these. */
export type InjectedRule =
  | 'no-pii-in-logs'
  | 'no-plaintext-pii-storage'
  | 'require-consent-check'
  | 'no-plaintext-transport';

export interface InjectedIssue {
  line: number;
  rule: InjectedRule;
}

export interface RenderedFile {
  path: string;
  text: string;
  lines: number;
  issues: InjectedIssue[];
}

interface ImportEntry {
  defaultName?: string;
  named: Set<string>;
  typeNamed: Set<string>;
}

/** Records which names each external package must export, for the corpus's vendor shim. */
export interface VendorSink {
  useVendor(specifier: string, names: readonly string[], withDefault: boolean): void;
}

export class SourceFile {
  readonly path: string;
  readonly lang: Lang;
  readonly moduleSystem: ModuleSystem;
  /** How relative imports of TS modules are spelled in this file. */
  readonly localSuffix: '' | '.js';
  private readonly body: string[] = [];
  private readonly issues: { bodyIndex: number; rule: InjectedRule }[] = [];
  private readonly imports = new Map<string, ImportEntry>();
  private readonly header: string[] = [];
  private readonly cjsExports: string[] = [];
  private depth = 0;

  constructor(
    path: string,
    moduleSystem: ModuleSystem,
    localSuffix: '' | '.js',
    private readonly vendors: VendorSink,
  ) {
    this.path = path;
    this.lang = /\.tsx?$/.test(path) ? 'ts' : 'js';
    this.moduleSystem = moduleSystem;
    this.localSuffix = localSuffix;
  }

  get isTs(): boolean {
    return this.lang === 'ts';
  }

  get isTsx(): boolean {
    return this.path.endsWith('.tsx');
  }

  /**
   * `export ` for ES modules; for CommonJS records the name for a trailing
   * `module.exports = { … }` and returns nothing.
   */
  exp(name: string): string {
    if (this.moduleSystem === 'esm') return 'export ';
    if (!this.cjsExports.includes(name)) this.cjsExports.push(name);
    return '';
  }

  /** A type annotation in TS files, nothing in JS files. */
  ty(annotation: string): string {
    return this.isTs ? annotation : '';
  }

  /** Chooses text by language. */
  tsjs(ts: string, js: string): string {
    return this.isTs ? ts : js;
  }

  /** Approximate final line count (imports + blank + body). */
  get lineCount(): number {
    return this.header.length + this.importLineEstimate() + 1 + this.body.length;
  }

  comment(text: string): void {
    this.header.push(text);
  }

  line(...texts: string[]): this {
    const pad = '  '.repeat(this.depth);
    for (const text of texts) this.body.push(text === '' ? '' : pad + text);
    return this;
  }

  blank(): this {
    if (this.body.length > 0 && this.body[this.body.length - 1] !== '') this.body.push('');
    return this;
  }

  open(text: string): this {
    this.line(text);
    this.depth++;
    return this;
  }

  close(text = '}'): this {
    while (this.body.length > 0 && this.body[this.body.length - 1] === '') this.body.pop();
    this.depth = Math.max(0, this.depth - 1);
    this.line(text);
    return this;
  }

  /** Indents without writing a line (for `case x:` bodies). */
  depthIn(): this {
    this.depth++;
    return this;
  }

  depthOut(): this {
    this.depth = Math.max(0, this.depth - 1);
    return this;
  }

  /** A line that closes one block and opens the next (`} else {`, `} catch (error) {`). */
  mid(text: string): this {
    this.depth = Math.max(0, this.depth - 1);
    this.line(text);
    this.depth++;
    return this;
  }

  /** Marks the most recently written line as carrying an injected problem. */
  flag(rule: InjectedRule): this {
    this.issues.push({ bodyIndex: this.body.length - 1, rule });
    return this;
  }

  importDefault(specifier: string, name: string): string {
    this.entry(specifier).defaultName = name;
    if (!specifier.startsWith('.')) this.vendors.useVendor(specifier, [], true);
    return name;
  }

  importNamed(specifier: string, ...names: string[]): void {
    const entry = this.entry(specifier);
    for (const name of names) entry.named.add(name);
    if (!specifier.startsWith('.')) this.vendors.useVendor(specifier, names, false);
  }

  /** Type-only import in TS; dropped in JS files. */
  importType(specifier: string, ...names: string[]): void {
    if (!this.isTs) return;
    const entry = this.entry(specifier);
    for (const name of names) entry.typeNamed.add(name);
    if (!specifier.startsWith('.')) this.vendors.useVendor(specifier, names, false);
  }

  /** Imports names from another generated module (path relative to the corpus root). */
  importLocal(targetPath: string, ...names: string[]): void {
    this.importNamed(this.relativeSpecifier(targetPath), ...names);
  }

  importLocalType(targetPath: string, ...names: string[]): void {
    this.importType(this.relativeSpecifier(targetPath), ...names);
  }

  relativeSpecifier(targetPath: string): string {
    let rel = posix.relative(posix.dirname(this.path), targetPath);
    if (!rel.startsWith('.')) rel = `./${rel}`;
    if (/\.tsx?$/.test(targetPath)) return rel.replace(/\.tsx?$/, this.lang === 'js' ? '.js' : this.localSuffix);
    // JS targets: ESM needs the real extension; CommonJS require resolves without it.
    return this.moduleSystem === 'cjs' ? rel.replace(/\.(c?js)$/, '') : rel;
  }

  render(): RenderedFile {
    const importLines = this.renderImports();
    const prefix = [...this.header, ...importLines];
    if (prefix.length > 0) prefix.push('');
    const bodyLines = [...this.body];
    while (bodyLines.length > 0 && bodyLines[bodyLines.length - 1] === '') bodyLines.pop();
    if (this.cjsExports.length > 0) bodyLines.push('', `module.exports = { ${this.cjsExports.join(', ')} };`);
    const all = [...prefix, ...bodyLines];
    const issues = this.issues
      .filter((i) => i.bodyIndex >= 0 && i.bodyIndex < bodyLines.length)
      .map((i) => ({ line: prefix.length + i.bodyIndex + 1, rule: i.rule }));
    return { path: this.path, text: `${all.join('\n')}\n`, lines: all.length, issues };
  }

  private entry(specifier: string): ImportEntry {
    let entry = this.imports.get(specifier);
    if (!entry) {
      entry = { named: new Set(), typeNamed: new Set() };
      this.imports.set(specifier, entry);
    }
    return entry;
  }

  private importLineEstimate(): number {
    let n = 0;
    for (const e of this.imports.values()) n += e.typeNamed.size > 0 && (e.named.size > 0 || e.defaultName) ? 2 : 1;
    return n;
  }

  private renderImports(): string[] {
    // External packages first, then relative modules, each group in insertion order.
    const specs = [...this.imports.keys()];
    const ordered = [...specs.filter((s) => !s.startsWith('.')), ...specs.filter((s) => s.startsWith('.'))];
    const out: string[] = [];
    for (const spec of ordered) {
      const e = this.imports.get(spec);
      if (!e) continue;
      const named = [...e.named];
      if (this.moduleSystem === 'cjs') {
        if (e.defaultName) out.push(`const ${e.defaultName} = require('${spec}');`);
        if (named.length > 0) out.push(`const { ${named.join(', ')} } = require('${spec}');`);
        continue;
      }
      const typeOnly = [...e.typeNamed].filter((n) => !e.named.has(n));
      if (e.defaultName || named.length > 0) {
        const parts: string[] = [];
        if (e.defaultName) parts.push(e.defaultName);
        if (named.length > 0) parts.push(`{ ${named.join(', ')} }`);
        out.push(`import ${parts.join(', ')} from '${spec}';`);
      }
      if (typeOnly.length > 0) out.push(`import type { ${typeOnly.join(', ')} } from '${spec}';`);
    }
    return out;
  }
}
