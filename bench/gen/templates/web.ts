/**
 * The agent console (React + TSX): an API client, data hooks, record cards and tables, a
 * softphone on the Twilio Voice SDK, disposition forms, and pages that compose them.
 */
import type { GenContext } from '../context.js';
import { cap, consentBlocked, masked } from '../context.js';
import type { SourceFile } from '../writer.js';
import type { EntitySpec } from '../vocab.js';
import { dataFields } from './model.js';

export function writeApiClient(ctx: GenContext, f: SourceFile): void {
  f.line("const API_BASE = '/api';").blank();
  f.open('export class ApiError extends Error {');
  f.open('constructor(readonly status: number, message: string) {').line('super(message);', "this.name = 'ApiError';").close().close().blank();
  f.open('export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {');
  f.line("const response = await fetch(`${API_BASE}${path}`, { credentials: 'include', signal });");
  f.line('if (!response.ok) throw new ApiError(response.status, `GET ${path} failed`);', 'return (await response.json()) as T;').close().blank();
  f.open('export async function apiPost<T>(path: string, body: unknown): Promise<T> {');
  f.open('const response = await fetch(`${API_BASE}${path}`, {');
  f.line("method: 'POST',", "credentials: 'include',", "headers: { 'content-type': 'application/json' },", 'body: JSON.stringify(body),').close('});');
  f.line('if (!response.ok) throw new ApiError(response.status, `POST ${path} failed`);', 'return (await response.json()) as T;').close().blank();
  if (ctx.risk(0.8)) f.line("export const REALTIME_URL = 'ws://realtime.contoso-care.com/agent-events';").flag('no-plaintext-transport');
  else f.line("export const REALTIME_URL = 'wss://realtime.contoso-care.com/agent-events';");
}

export function writeHook(ctx: GenContext, f: SourceFile, entity: EntitySpec): string {
  const name = `use${cap(entity.plural)}`;
  f.importNamed('react', 'useEffect', 'useState');
  if (ctx.mods.apiClient) f.importLocal(ctx.mods.apiClient, 'apiGet');
  const types = ctx.mods.types.get(entity.name);
  if (types) f.importLocalType(types, entity.name, `${entity.name}Page`);
  f.open(`export function ${name}(status?: string) {`);
  f.line(`const [items, setItems] = useState([] as ${entity.name}[]);`, 'const [loading, setLoading] = useState(true);', 'const [error, setError] = useState(null as Error | null);').blank();
  f.open('useEffect(() => {');
  f.line('const controller = new AbortController();', 'setLoading(true);');
  f.line(`apiGet<${entity.name}Page>(\`/${entity.plural.toLowerCase()}\${status ? \`?status=\${status}\` : ''}\`, controller.signal)`);
  f.line('  .then((page) => setItems(page.items))', '  .catch((err: Error) => {', "    if (err.name !== 'AbortError') setError(err);", '  })', '  .finally(() => setLoading(false));');
  f.line('return () => controller.abort();').close('}, [status]);').blank();
  f.line(`return { items: items as ${entity.name}[], loading: loading as boolean, error: error as Error | null };`).close();
  return name;
}

export function writeCard(ctx: GenContext, f: SourceFile, entity: EntitySpec): string {
  const { rng } = ctx;
  const name = `${entity.name}${rng.pick(['Card', 'Summary', 'Tile', 'Panel'])}`;
  const v = entity.varName;
  f.importNamed('react', 'useState');
  const types = ctx.mods.types.get(entity.name);
  if (types) f.importLocalType(types, entity.name);
  f.open(`interface ${name}Props {`);
  f.line(`${v}: ${entity.name};`, 'onSelect?: (id: string) => void;', 'compact?: boolean;').close().blank();
  f.open(`export function ${name}({ ${v}, onSelect, compact = false }: ${name}Props) {`);
  f.line('const [expanded, setExpanded] = useState(!compact);');
  if (entity.phone && ctx.risk(1.0)) f.line(`console.debug('render ${v}', ${v});`).flag('no-pii-in-logs');
  f.open('return (');
  f.open(`<article className={\`card card--\${${v}.status}\`} data-testid="${v}-card">`);
  f.open('<header className="card__header">');
  f.line(`<h3>{String(${v}.${entity.label})}</h3>`, `<span className="badge">{${v}.status}</span>`).close('</header>');
  f.open('{expanded && (');
  f.open('<dl className="card__details">');
  for (const field of dataFields(entity)) {
    if (field.name === 'id' || field.name === entity.label) continue;
    let value: string;
    if (field.pii === 'phone') value = `{${masked(ctx, f, `${v}.${field.name}`)}}`;
    else if (field.pii) continue;
    else if (field.ts === 'Date') value = `{${v}.${field.name}.toLocaleString()}`;
    else if (field.ts === 'boolean') value = `{${v}.${field.name} ? 'Yes' : 'No'}`;
    else value = `{String(${v}.${field.name})}`;
    f.line(`<dt>${field.name.replace(/([A-Z])/g, ' $1').toLowerCase()}</dt>`, `<dd>${value}</dd>`);
  }
  f.close('</dl>').close(')}');
  f.open('<footer className="card__actions">');
  f.line(`<button type="button" onClick={() => setExpanded(!expanded)}>{expanded ? 'Less' : 'More'}</button>`);
  f.line(`{onSelect && <button type="button" onClick={() => onSelect(${v}.id)}>Open</button>}`).close('</footer>');
  f.close('</article>').close(');').close();
  return name;
}

export function writeTable(ctx: GenContext, f: SourceFile, entity: EntitySpec, card?: string, cardPath?: string): string {
  const name = `${entity.name}${ctx.rng.pick(['Table', 'List', 'Grid'])}`;
  const v = entity.varName;
  f.importNamed('react', 'useMemo', 'useState');
  f.importType('react', 'ChangeEvent');
  const types = ctx.mods.types.get(entity.name);
  if (types) f.importLocalType(types, entity.name);
  if (card && cardPath) f.importLocal(cardPath, card);
  f.open(`export function ${name}({ items, onSelect }: { items: ${entity.name}[]; onSelect: (id: string) => void }) {`);
  f.line("const [query, setQuery] = useState('');", "const [sortKey, setSortKey] = useState('status' as 'status' | 'id');").blank();
  f.open('const visible = useMemo(() => {');
  f.line('const needle = query.trim().toLowerCase();');
  f.line(`const filtered = needle ? items.filter((${v}) => String(${v}.${entity.label}).toLowerCase().includes(needle)) : items;`);
  f.line("const key = (item: " + entity.name + "): string => (sortKey === 'id' ? item.id : String(item.status));");
  f.line('return [...filtered].sort((a, b) => key(a).localeCompare(key(b)));').close('}, [items, query, sortKey]);').blank();
  f.open('return (');
  f.open('<section className="table">');
  f.line('<input value={query} placeholder="Filter" onChange={(event: ChangeEvent<HTMLInputElement>) => setQuery(event.target.value)} />');
  f.line("<button type=\"button\" onClick={() => setSortKey(sortKey === 'status' ? 'id' : 'status')}>Sort by {sortKey}</button>");
  if (card) {
    f.line(`{visible.map((${v}: ${entity.name}) => <${card} key={${v}.id} ${v}={${v}} onSelect={onSelect} compact />)}`);
  } else {
    f.open('<table>');
    f.line('<thead><tr><th>ID</th><th>Status</th><th /></tr></thead>');
    f.open('<tbody>');
    f.open(`{visible.map((${v}: ${entity.name}) => (`);
    f.line(`<tr key={${v}.id}><td>{${v}.id}</td><td>{${v}.status}</td><td><button type="button" onClick={() => onSelect(${v}.id)}>Open</button></td></tr>`);
    f.close('))}').close('</tbody>').close('</table>');
  }
  f.close('</section>').close(');').close();
  return name;
}

export function writeSoftphone(ctx: GenContext, f: SourceFile, entity: EntitySpec): string {
  const name = 'Softphone';
  const v = entity.varName;
  f.importNamed('react', 'useEffect', 'useState');
  f.importNamed('@twilio/voice-sdk', 'Device');
  const types = ctx.mods.types.get(entity.name);
  if (types) f.importLocalType(types, entity.name);
  f.open(`export function ${name}({ ${v}, token }: { ${v}: ${entity.name}; token: string }) {`);
  f.line('const [device, setDevice] = useState(null as Device | null);', "const [state, setState] = useState('idle');").blank();
  f.open('useEffect(() => {');
  f.line("const created = new Device(token, { codecPreferences: ['opus', 'pcmu'], closeProtection: true });", 'setDevice(created);');
  f.line('return () => created.destroy();').close('}, [token]);').blank();
  f.open('async function dial() {');
  f.line('if (!device) return;');
  const issue = ctx.risk(0.8);
  if (!issue) f.line(`if (${consentBlocked(entity, v)}) return;`);
  f.line("setState('connecting');");
  f.line(`const call = await device.connect({ params: { To: ${v}.${entity.phone ?? 'phone'} } });`);
  if (issue) f.flag('require-consent-check');
  f.line("call.on('accept', () => setState('in-call'));", "call.on('disconnect', () => setState('idle'));").close().blank();
  f.open('return (');
  f.open('<div className="softphone">');
  f.line(`<span className="softphone__target">{${masked(ctx, f, `${v}.${entity.phone ?? 'phone'}`)}}</span>`);
  f.line(`<button type="button" disabled={state !== 'idle' || ${consentBlocked(entity, v)}} onClick={() => void dial()}>Call</button>`);
  f.line("<span className=\"softphone__state\">{state}</span>").close('</div>').close(');').close();
  return name;
}

export function writeDispositionForm(ctx: GenContext, f: SourceFile, entity: EntitySpec): string {
  const name = `${entity.name}DispositionForm`;
  const v = entity.varName;
  f.importNamed('react', 'useState');
  f.importType('react', 'FormEvent');
  if (ctx.mods.apiClient) f.importLocal(ctx.mods.apiClient, 'apiPost');
  const types = ctx.mods.types.get(entity.name);
  if (types) f.importLocalType(types, entity.name);
  const codes = ctx.rng.sample(['NA', 'BZ', 'VM', 'CB', 'SL', 'DNC', 'WN'], 5);
  f.line(`const CODES = [${codes.map((c) => `'${c}'`).join(', ')}] as const;`).blank();
  f.open(`export function ${name}({ ${v}, onDone }: { ${v}: ${entity.name}; onDone: () => void }) {`);
  f.line(`const [code, setCode] = useState('${codes[0]}');`, "const [note, setNote] = useState('');", 'const [saving, setSaving] = useState(false);').blank();
  f.open('async function submit(event: FormEvent) {');
  f.line('event.preventDefault();', 'setSaving(true);');
  f.open('try {');
  f.line(`await apiPost(\`/${entity.plural.toLowerCase()}/\${${v}.id}/disposition\`, { code, note });`);
  if (entity.phone && ctx.risk(0.8)) f.line(`localStorage.setItem('lastDialedNumber', ${v}.${entity.phone});`).flag('no-plaintext-pii-storage');
  else f.line(`sessionStorage.setItem('lastDisposition', JSON.stringify({ id: ${v}.id, code }));`);
  f.line('onDone();').mid('} finally {').line('setSaving(false);').close().close().blank();
  f.open('return (');
  f.open('<form onSubmit={(event: FormEvent) => void submit(event)}>');
  f.open('<select value={code} onChange={(event: FormEvent<HTMLSelectElement>) => setCode(event.currentTarget.value)}>');
  f.line('{CODES.map((c) => <option key={c} value={c}>{c}</option>)}').close('</select>');
  f.line('<textarea value={note} maxLength={500} onChange={(event: FormEvent<HTMLTextAreaElement>) => setNote(event.currentTarget.value)} />');
  f.line('<button type="submit" disabled={saving}>Save</button>').close('</form>').close(');').close();
  return name;
}

export function writePage(ctx: GenContext, f: SourceFile, entity: EntitySpec, parts: { hook?: [string, string]; table?: [string, string]; form?: [string, string]; phone?: [string, string] }): string {
  const name = `${cap(entity.plural)}Page`;
  f.importNamed('react', 'useState');
  if (parts.hook) f.importLocal(parts.hook[1], parts.hook[0]);
  if (parts.table) f.importLocal(parts.table[1], parts.table[0]);
  if (parts.form) f.importLocal(parts.form[1], parts.form[0]);
  if (parts.phone) f.importLocal(parts.phone[1], parts.phone[0]);
  f.open(`export function ${name}({ token }: { token: string }) {`);
  f.line(parts.hook ? `const { items, loading, error } = ${parts.hook[0]}();` : 'const items: never[] = [];\n  const loading = false;\n  const error = null as Error | null;');
  f.line('const [selectedId, setSelectedId] = useState(null as string | null);');
  f.line('const selected = items.find((item) => item.id === selectedId) ?? null;').blank();
  f.line('if (loading) return <p className="muted">Loading…</p>;', 'if (error) return <p role="alert">Could not load data.</p>;').blank();
  f.open('return (');
  f.open('<main className="page">');
  f.line(`<h1>${cap(entity.plural)}</h1>`);
  if (parts.table) f.line(`<${parts.table[0]} items={items} onSelect={setSelectedId} />`);
  if (parts.phone) f.line(`{selected && <${parts.phone[0]} ${entity.varName}={selected} token={token} />}`);
  if (parts.form) f.line(`{selected && <${parts.form[0]} ${entity.varName}={selected} onDone={() => setSelectedId(null)} />}`);
  f.close('</main>').close(');').close();
  return name;
}

export function writeWebApp(_ctx: GenContext, f: SourceFile, pages: [string, string][]): void {
  f.importNamed('react', 'useState');
  for (const [name, path] of pages) f.importLocal(path, name);
  f.line(`const TABS = [${pages.map(([n]) => `'${n}'`).join(', ')}] as const;`).blank();
  f.open('export function App({ token }: { token: string }) {');
  f.line(`const [tab, setTab] = useState('${pages[0]?.[0] ?? 'Home'}' as (typeof TABS)[number]);`);
  f.open('return (');
  f.open('<div className="app">');
  f.line('<nav>{TABS.map((t) => <button key={t} type="button" aria-pressed={t === tab} onClick={() => setTab(t)}>{t.replace(/Page$/, \'\')}</button>)}</nav>');
  for (const [name] of pages) f.line(`{tab === '${name}' && <${name} token={token} />}`);
  f.close('</div>').close(');').close();
}
