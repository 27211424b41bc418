/**
 * Utility modules: pure helpers (durations, SLA math, CSV cells, digits, backoff, business
 * days). Mostly code that must stay silent, and the leaves of the import graph.
 */
import type { GenContext, UtilRef, UtilSignature } from '../context.js';
import type { SourceFile } from '../writer.js';

type Helper = (f: SourceFile, name: string, ctx: GenContext) => UtilSignature | null;

const HELPERS: [string[], Helper][] = [
  [['formatDuration', 'formatSeconds', 'toMinutesSeconds', 'humanDuration'], (f, name) => {
    f.open(`${f.exp(name)}function ${name}(totalSeconds${f.ty(': number')})${f.ty(': string')} {`);
    f.line('const safe = Math.max(0, Math.floor(totalSeconds));', 'const hours = Math.floor(safe / 3600);');
    f.line('const minutes = Math.floor((safe % 3600) / 60);', 'const seconds = safe % 60;');
    f.line("const mm = String(minutes).padStart(2, '0');", "const ss = String(seconds).padStart(2, '0');");
    f.line('return hours > 0 ? `${hours}:${mm}:${ss}` : `${minutes}:${ss}`;').close();
    return 'num->str';
  }],
  [['serviceLevel', 'slaPercent', 'answeredWithinTarget'], (f, name) => {
    f.open(`${f.exp(name)}function ${name}(waits${f.ty(': number[]')}, targetSeconds = 20)${f.ty(': number')} {`);
    f.line('if (waits.length === 0) return 100;', 'const within = waits.filter((w) => w <= targetSeconds).length;');
    f.line('return Math.round((within / waits.length) * 1000) / 10;').close();
    return 'nums->num';
  }],
  [['percentile', 'quantile', 'pctl'], (f, name, ctx) => {
    f.open(`${f.exp(name)}function ${name}(values${f.ty(': number[]')}, p = ${ctx.rng.pick([0.5, 0.9, 0.95])})${f.ty(': number')} {`);
    f.line('if (values.length === 0) return 0;', 'const sorted = [...values].sort((a, b) => a - b);');
    f.line('const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));', 'return sorted[rank] ?? 0;').close();
    return 'nums->num';
  }],
  [['csvCell', 'escapeCsv', 'toCsvField'], (f, name) => {
    f.open(`${f.exp(name)}function ${name}(value${f.ty(': string')})${f.ty(': string')} {`);
    f.line("const needsQuotes = /[\",\\n\\r]/.test(value) || /^[=+\\-@]/.test(value);");
    f.line("const escaped = value.replace(/\"/g, '\"\"');", 'return needsQuotes ? `"${escaped}"` : escaped;').close();
    return 'str->str';
  }],
  [['onlyDigits', 'stripNonDigits', 'dtmfDigits'], (f, name) => {
    f.open(`${f.exp(name)}function ${name}(input${f.ty(': string')})${f.ty(': string')} {`);
    f.line("return input.replace(/[^0-9*#]/g, '').slice(0, 32);").close();
    return 'str->str';
  }],
  [['slugify', 'toSlug', 'queueKey'], (f, name) => {
    f.open(`${f.exp(name)}function ${name}(text${f.ty(': string')})${f.ty(': string')} {`);
    f.line('return text', "  .normalize('NFKD')", "  .replace(/[\\u0300-\\u036f]/g, '')", '  .toLowerCase()', "  .replace(/[^a-z0-9]+/g, '-')", "  .replace(/^-+|-+$/g, '');").close();
    return 'str->str';
  }],
  [['nextRetryDelay', 'retryBackoffMs', 'redialDelay'], (f, name, ctx) => {
    f.open(`${f.exp(name)}function ${name}(attempt${f.ty(': number')})${f.ty(': number')} {`);
    f.line(`const base = ${ctx.rng.pick([30_000, 60_000, 300_000])};`, 'const capped = Math.min(attempt, 6);');
    f.line('return base * 2 ** capped;').close();
    return 'num->num';
  }],
  [['clampPercent', 'toPercent', 'boundedShare'], (f, name) => {
    f.open(`${f.exp(name)}function ${name}(value${f.ty(': number')})${f.ty(': number')} {`);
    f.line('if (!Number.isFinite(value)) return 0;', 'return Math.min(100, Math.max(0, Math.round(value * 10) / 10));').close();
    return 'num->num';
  }],
  [['isWeekend', 'isNonWorkingDay', 'closedOn'], (f, name) => {
    f.open(`${f.exp(name)}function ${name}(at${f.ty(': Date')})${f.ty(': boolean')} {`);
    f.line('const day = at.getUTCDay();', 'return day === 0 || day === 6;').close();
    return 'date->bool';
  }],
  [['averageHandleTime', 'meanTalkTime', 'aht'], (f, name) => {
    f.open(`${f.exp(name)}function ${name}(durations${f.ty(': number[]')})${f.ty(': number')} {`);
    f.line('if (durations.length === 0) return 0;', 'let total = 0;', 'for (const d of durations) total += d;');
    f.line('return Math.round(total / durations.length);').close();
    return 'nums->num';
  }],
  [['occupancy', 'agentUtilization'], (f, name) => {
    f.open(`${f.exp(name)}function ${name}(busySeconds${f.ty(': number[]')})${f.ty(': number')} {`);
    f.line('const shift = 8 * 3600;', 'const busy = busySeconds.reduce((sum, s) => sum + s, 0);');
    f.line('return busySeconds.length === 0 ? 0 : Math.round((busy / (shift * busySeconds.length)) * 100);').close();
    return 'nums->num';
  }],
  [['truncateNote', 'shortenTranscript', 'ellipsize'], (f, name, ctx) => {
    f.open(`${f.exp(name)}function ${name}(text${f.ty(': string')}, max = ${ctx.rng.pick([80, 140, 280])})${f.ty(': string')} {`);
    f.line("if (text.length <= max) return text;", "const cut = text.slice(0, max - 1);", "const lastSpace = cut.lastIndexOf(' ');");
    f.line("return `${lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut}…`;").close();
    return 'str->str';
  }],
  [['erlangC', 'probabilityOfWaiting'], (f, name) => {
    f.line('/** Erlang C: probability that a call waits, for staffing estimates. */');
    f.open(`${f.exp(name)}function ${name}(agents${f.ty(': number')}, trafficErlangs = 10)${f.ty(': number')} {`);
    f.line('if (agents <= trafficErlangs) return 1;', 'let term = 1;', 'let sum = 1;');
    f.open('for (let k = 1; k < agents; k++) {').line('term *= trafficErlangs / k;', 'sum += term;').close();
    f.line('term *= trafficErlangs / agents;', 'const top = term * (agents / (agents - trafficErlangs));', 'return top / (sum + top);').close();
    return 'num->num';
  }],
  [['dispositionLabel', 'labelForDisposition'], (f, name) => {
    f.open(`${f.exp(name)}function ${name}(code${f.ty(': string')})${f.ty(': string')} {`);
    f.open('switch (code) {');
    for (const [k, v] of [['NA', 'No answer'], ['BZ', 'Busy'], ['VM', 'Left voicemail'], ['CB', 'Callback requested'], ['SL', 'Sale'], ['DNC', 'Do not call'], ['WN', 'Wrong number']]) {
      f.line(`case '${k}':`, `  return '${v}';`);
    }
    f.line('default:', "  return 'Other';").close().close();
    return 'str->str';
  }],
];

export function writeUtils(ctx: GenContext, f: SourceFile, targetLines: number): UtilRef[] {
  const refs: UtilRef[] = [];
  const order = ctx.rng.shuffle([...HELPERS]);
  // Names stay unique across the app's util modules so importers never see two of one name.
  const used = new Set<string>(ctx.mods.utils.map((u) => u.name));
  for (const [names, helper] of order) {
    if (refs.length >= 2 && f.lineCount >= targetLines) break;
    const free = names.filter((n) => !used.has(n));
    if (free.length === 0) continue;
    const name = ctx.rng.pick(free);
    used.add(name);
    const sig = helper(f, name, ctx);
    f.blank();
    if (sig) refs.push({ path: f.path, name, sig });
  }
  return refs;
}
