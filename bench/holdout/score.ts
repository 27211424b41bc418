/**
 * Scores piiguard on a blind holdout corpus (eval/holdout, eval/holdout-strict): code written from the
 * spec alone by someone who never saw the engine or its fixtures, with `// expect: <rule>` on lines a
 * tool should report and `// safe: <rule> — why` on look-alikes. The rules scored are the ones the
 * corpus annotates, and they are turned on for the scan (a rule outside the default set would be off).
 * Findings of those rules on unmarked lines are listed for review and counted separately.
 *
 *   node dist/bench/holdout/score.js [eval/holdout] [eval/holdout-strict …]
 */
import fs from 'node:fs';
import path from 'node:path';
import { RULE_IDS } from '../../rules/index.js';
import type { RuleId } from '../../rules/types.js';
import { scan } from '../../src/scan/scan.js';

const MARKER = /\/\/\s*(expect|safe):\s*([a-z-]+)/;

interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  unmarked: number;
  safe: number;
}

export async function scoreHoldout(root: string): Promise<{ byRule: Record<string, Tally>; details: string[] }> {
  const projects = fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort();
  const markersByProject = new Map(projects.map((project) => [project, readMarkers(path.join(root, project))]));
  const scored = RULE_IDS.filter((rule) => [...markersByProject.values()].some((markers) => [...markers.values()].some((m) => m.rule === rule)));
  const byRule: Record<string, Tally> = Object.fromEntries(scored.map((r) => [r, { truePositives: 0, falsePositives: 0, falseNegatives: 0, unmarked: 0, safe: 0 }]));
  const rules: Partial<Record<RuleId, 'error'>> = Object.fromEntries(scored.map((r) => [r, 'error']));
  const details: string[] = [];
  for (const project of projects) {
    const dir = path.join(root, project);
    const result = await scan({ cwd: dir, paths: ['.'], rules });
    const markers = markersByProject.get(project)!;
    const reported = new Set<string>();
    for (const f of result.findings) {
      if (f.suppression || !(scored as readonly string[]).includes(f.ruleId)) continue;
      const key = `${f.location.file}:${f.location.line}`;
      reported.add(`${key}:${f.ruleId}`);
      const marker = markers.get(key);
      const tally = byRule[f.ruleId]!;
      if (marker?.kind === 'expect' && marker.rule === f.ruleId) tally.truePositives++;
      else if (marker?.kind === 'safe' && marker.rule === f.ruleId) {
        tally.falsePositives++;
        details.push(`FP ${path.relative(root, key)} ${f.ruleId}: ${f.summary}\n     ${marker.text.slice(0, 140)}`);
      } else {
        tally.unmarked++;
        details.push(`?? ${path.relative(root, key)} ${f.ruleId}: ${f.summary}`);
      }
    }
    for (const [key, marker] of markers) {
      const tally = byRule[marker.rule];
      if (!tally) continue;
      if (marker.kind === 'safe') tally.safe++;
      if (marker.kind === 'expect' && !reported.has(`${key}:${marker.rule}`)) {
        tally.falseNegatives++;
        details.push(`FN ${path.relative(root, key)} ${marker.rule}\n     ${marker.text.slice(0, 140)}`);
      }
    }
  }
  return { byRule, details };
}

function readMarkers(dir: string): Map<string, { kind: string; rule: string; text: string }> {
  const markers = new Map<string, { kind: string; rule: string; text: string }>();
  for (const file of listFiles(dir)) {
    fs.readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, i) => {
      const m = MARKER.exec(line);
      if (m) markers.set(`${file}:${i + 1}`, { kind: m[1]!, rule: m[2]!, text: line.trim() });
    });
  }
  return markers;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') out.push(...listFiles(full));
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name)) out.push(full);
  }
  return out;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const roots = process.argv.length > 2 ? process.argv.slice(2) : ['eval/holdout'];
  for (const root of roots) {
    const { byRule, details } = await scoreHoldout(path.resolve(root));
    console.log(`\n== ${root}`);
    for (const d of details) console.log(d);
    console.log('\nrule                        TP  FP  FN  unmarked  precision  recall');
    for (const [rule, t] of Object.entries(byRule)) {
      const precision = t.truePositives / Math.max(1, t.truePositives + t.falsePositives);
      const recall = t.truePositives / Math.max(1, t.truePositives + t.falseNegatives);
      console.log(`${rule.padEnd(27)} ${String(t.truePositives).padStart(3)} ${String(t.falsePositives).padStart(3)} ${String(t.falseNegatives).padStart(3)} ${String(t.unmarked).padStart(9)}  ${(precision * 100).toFixed(0).padStart(8)}%  ${(recall * 100).toFixed(0).padStart(5)}%`);
    }
  }
}
