import * as vscode from 'vscode';
import type { StatusParams } from '../lsp/protocol.js';

export interface StatusBar extends vscode.Disposable {
  update(status: StatusParams): void;
}

/** The status bar item: how many findings are shown, whether the server is busy, and limited mode. */
export function createStatusBar(): StatusBar {
  const item = vscode.window.createStatusBarItem('piiguard.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'piiguard';
  item.text = '$(sync~spin) piiguard';
  item.tooltip = 'piiguard is starting';
  item.command = 'workbench.actions.view.problems';
  item.show();
  return {
    update(status) {
      item.text = statusText(status);
      item.tooltip = statusTooltip(status);
      item.command = status.state === 'disabled' ? 'piiguard.showOutput' : 'workbench.actions.view.problems';
    },
    dispose: () => item.dispose(),
  };
}

export function statusText(status: StatusParams): string {
  if (status.state === 'disabled') return '$(circle-slash) piiguard';
  const icon = status.state === 'ready' ? '$(shield)' : '$(sync~spin)';
  const limited = status.mode === 'limited' ? ' (limited)' : '';
  return `${icon} piiguard: ${status.findings}${limited}`;
}

function statusTooltip(status: StatusParams): vscode.MarkdownString {
  const lines = [
    `**piiguard** — ${plural(status.findings, 'finding')} in ${plural(status.filesWithFindings, 'file')}`,
    '',
    status.state === 'loading' ? `Loading the workspace (${plural(status.workspaceFiles, 'file')} so far)…` : `${plural(status.workspaceFiles, 'source file')} in the workspace`,
    '',
    status.mode === 'limited'
      ? 'Limited mode: the workspace is not trusted, so only built-in knowledge is used (no configuration file, no tsconfig.json).'
      : status.configFiles.length > 0
        ? `Configuration: ${status.configFiles.join(', ')}`
        : 'Configuration: built-in defaults',
    '',
    'Click to show the Problems panel. Run "piiguard: Scan Workspace" to check every file.',
  ];
  const markdown = new vscode.MarkdownString(lines.join('\n'));
  markdown.isTrusted = false;
  return markdown;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
