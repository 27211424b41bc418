/**
 * A repository in which everything that could be run writes a marker file when it is run: source
 * files, package.json scripts and install hooks, ESLint/Babel/Jest/Vite configs, a JavaScript
 * piiguard config, a tsconfig plugin, a dependency the sources import, a repository-local
 * `typescript`, and git hooks, filters and fsmonitor in .git/config. piiguard must never create a
 * marker. Each payload also says how to run it, so a control test can prove it is live.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Payload {
  /** Marker file name, and what the payload is. */
  marker: string;
  /** How the control test runs it: a command in the repository. */
  control: readonly string[];
}

/** Node statement writing `markerDir/marker`. */
function writes(markerDir: string, marker: string): string {
  return `require('node:fs').writeFileSync(${JSON.stringify(path.join(markerDir, marker))}, 'executed');`;
}

function writesEsm(markerDir: string, marker: string): string {
  return `import { writeFileSync as __piiguardMarker } from 'node:fs';\n__piiguardMarker(${JSON.stringify(path.join(markerDir, marker))}, 'executed');`;
}

/** A Twilio webhook that logs the caller's number: something to find, so every surface does work. */
const WEBHOOK = [
  "import twilio from 'twilio';",
  'export function inbound(req: any) {',
  '  const caller: string = req.body.From;',
  "  console.log('inbound call from', caller);",
  '}',
].join('\n');

const NODE = JSON.stringify(process.execPath);

export const PACKAGE_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'pretest', 'test', 'lint', 'prebuild', 'build', 'piiguard', 'prescan', 'scan', 'postscan', 'start'];

/** Files of the hostile repository (git setup is separate: `makeHostileGit`). */
export function hostileFiles(markerDir: string): { files: Record<string, string>; payloads: Payload[] } {
  const payloads: Payload[] = [];
  const files: Record<string, string> = {};
  const add = (file: string, content: string, marker: string, control: readonly string[]) => {
    files[file] = content;
    payloads.push({ marker, control });
  };
  const nodeRuns = (file: string) => [process.execPath, file];

  add('src/webhook.ts', `${writesEsm(markerDir, 'source-ts')}\n${WEBHOOK}\n`, 'source-ts', []);
  add('src/boot.mjs', `${writesEsm(markerDir, 'source-mjs')}\nexport const booted = true;\n`, 'source-mjs', nodeRuns('src/boot.mjs'));
  add('src/legacy.cjs', `${writes(markerDir, 'source-cjs')}\nmodule.exports = {};\n`, 'source-cjs', nodeRuns('src/legacy.cjs'));
  add('src/app.js', `${writes(markerDir, 'source-js')}\nconst dep = require('evil-dependency');\nconsole.log(dep, process.argv[2]);\n`, 'source-js', nodeRuns('src/app.js'));
  add('src/uses-dependency.ts', "import dep from 'evil-dependency';\nimport type { Lead } from 'evil-dependency';\nexport const d: Lead = dep;\n", 'dependency', nodeRuns('node_modules/evil-dependency/index.js'));
  files['node_modules/evil-dependency/package.json'] = JSON.stringify({ name: 'evil-dependency', version: '1.0.0', main: 'index.js', types: 'index.d.ts' });
  files['node_modules/evil-dependency/index.js'] = `${writes(markerDir, 'dependency')}\nmodule.exports = {};\n`;
  files['node_modules/evil-dependency/index.d.ts'] = 'export interface Lead { phone: string }\ndeclare const dep: Lead;\nexport default dep;\n';

  add('node_modules/evil-ts-plugin/index.js', `${writes(markerDir, 'tsconfig-plugin')}\nmodule.exports = () => ({ create: (info) => info.languageService });\n`, 'tsconfig-plugin', [process.execPath, '-e', "require('evil-ts-plugin')"]);
  files['node_modules/evil-ts-plugin/package.json'] = JSON.stringify({ name: 'evil-ts-plugin', version: '1.0.0', main: 'index.js' });
  files['tsconfig.json'] = JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', plugins: [{ name: 'evil-ts-plugin' }], allowJs: true }, include: ['src'] }, null, 2);

  // A repository-local TypeScript that must never be loaded instead of piiguard's own.
  add('node_modules/typescript/lib/typescript.js', `${writes(markerDir, 'local-typescript')}\nmodule.exports = {};\n`, 'local-typescript', nodeRuns('node_modules/typescript/lib/typescript.js'));
  files['node_modules/typescript/package.json'] = JSON.stringify({ name: 'typescript', version: '99.0.0', main: 'lib/typescript.js' });

  for (const [file, marker] of [
    ['eslint.config.js', 'eslint-config-js'],
    ['eslint.config.mjs', 'eslint-config-mjs'],
    ['.eslintrc.js', 'eslintrc-js'],
    ['piiguard.config.js', 'piiguard-config-js'],
    ['piiguard.config.mjs', 'piiguard-config-mjs'],
    ['babel.config.js', 'babel-config'],
    ['jest.config.js', 'jest-config'],
    ['vite.config.mjs', 'vite-config'],
    ['prettier.config.js', 'prettier-config'],
  ] as const) {
    const esm = file.endsWith('.mjs');
    add(file, `${esm ? writesEsm(markerDir, marker) : writes(markerDir, marker)}\n${esm ? 'export default {};' : 'module.exports = {};'}\n`, marker, nodeRuns(file));
  }
  files['piiguard.config.json'] = JSON.stringify({ failOn: 'error' });

  const scripts: Record<string, string> = {};
  for (const script of PACKAGE_SCRIPTS) {
    const marker = `npm-script-${script}`;
    scripts[script] = `${NODE} -e ${JSON.stringify(writes(markerDir, marker))}`;
    payloads.push({ marker, control: ['sh', '-c', scripts[script]!] });
  }
  files['package.json'] = JSON.stringify({ name: 'hostile-fixture', version: '1.0.0', type: 'commonjs', scripts, dependencies: { 'evil-dependency': '1.0.0' } }, null, 2);
  return { files, payloads };
}

/**
 * Makes `root` a git repository with one commit and a modified file, then arms .git/config: an
 * fsmonitor hook, a clean filter on every .ts file, hooks, and an external diff driver. Git runs
 * some of these for `git status` / `git diff` of the working tree, which `--changed-since` does.
 */
export function makeHostileGit(root: string, markerDir: string): Payload[] {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'init.defaultBranch=main', ...args], { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');

  const script = (name: string) => {
    const file = path.join(root, '.git', `${name}.sh`);
    writeFileSync(file, `#!/bin/sh\n${NODE} -e ${JSON.stringify(writes(markerDir, name))}\ncat\n`);
    chmodSync(file, 0o755);
    return file;
  };
  const hooks = path.join(root, '.git', 'hooks');
  mkdirSync(hooks, { recursive: true });
  for (const hook of ['pre-commit', 'post-checkout', 'post-merge', 'post-index-change', 'reference-transaction']) {
    const file = path.join(hooks, hook);
    writeFileSync(file, `#!/bin/sh\n${NODE} -e ${JSON.stringify(writes(markerDir, `git-hook-${hook}`))}\n`);
    chmodSync(file, 0o755);
  }
  writeFileSync(
    path.join(root, '.git', 'config'),
    [
      '[core]',
      '\trepositoryformatversion = 0',
      '\tbare = false',
      `\tfsmonitor = ${script('git-fsmonitor')}`,
      `\tpager = ${script('git-pager')}`,
      '[diff]',
      `\texternal = ${script('git-external-diff')}`,
      '[diff "evil"]',
      `\ttextconv = ${script('git-textconv')}`,
      '[filter "evil"]',
      `\tclean = ${script('git-clean-filter')}`,
      `\tsmudge = ${script('git-smudge-filter')}`,
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(root, '.gitattributes'), '*.ts filter=evil diff=evil\n');
  // A change since the commit (no git command: that would already run the armed config), so a
  // diff of the working tree has something to compare.
  writeFileSync(path.join(root, 'src/webhook.ts'), `${WEBHOOK.replace('inbound call from', 'inbound call (changed) from')}\n`);
  return [
    { marker: 'git-fsmonitor', control: ['git', 'status', '--porcelain'] },
    { marker: 'git-clean-filter', control: ['git', 'diff', '--quiet'] },
  ];
}
