import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ScanProgressNotification, type ScanProgressParams, ScanWorkspaceRequest, type ScanWorkspaceResult } from '../lsp/protocol.js';

/** `piiguard.scanWorkspace`: analyse every file, with a cancellable progress notification. */
export function registerScanCommand(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('piiguard.scanWorkspace', async () => {
    const client = getClient();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('piiguard: the language server is not running. See "piiguard: Show Output".');
      return;
    }
    const scanId = randomUUID();
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'piiguard: scanning the workspace', cancellable: true },
      async (progress, token) => {
        let reported = 0;
        const subscription = client.onNotification(ScanProgressNotification.method, (p: ScanProgressParams) => {
          if (p.scanId !== scanId) return;
          if (p.phase === 'loading') {
            progress.report({ message: p.total > 0 ? `reading files ${p.done}/${p.total}` : 'finding files…' });
            return;
          }
          const percent = p.total > 0 ? (100 * p.done) / p.total : 100;
          progress.report({ increment: percent - reported, message: `${p.done}/${p.total} files` });
          reported = percent;
        });
        try {
          return await client.sendRequest<ScanWorkspaceResult>(ScanWorkspaceRequest.method, { scanId }, token);
        } finally {
          subscription.dispose();
        }
      },
    );
    const what = `${result.findings} finding${result.findings === 1 ? '' : 's'} in ${result.filesWithFindings} file${result.filesWithFindings === 1 ? '' : 's'}`;
    const message = result.cancelled
      ? `piiguard: scan cancelled after ${result.filesAnalysed} files; ${what} so far.`
      : `piiguard: scanned ${result.filesAnalysed} files in ${result.durationMs < 1000 ? `${result.durationMs} ms` : `${(result.durationMs / 1000).toFixed(1)} s`}; ${what}.`;
    const choice = await vscode.window.showInformationMessage(message, 'Show Problems');
    if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
