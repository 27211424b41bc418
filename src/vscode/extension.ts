/**
 * The VS Code extension: a thin client that starts piiguard's language server (dist/extension/server.cjs)
 * and adds what only the editor can do — commands, the status bar item, progress, and asking for a
 * suppression's reason. All analysis happens in the server. Nothing is sent anywhere: no telemetry,
 * no network.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { type PiiguardInitializationOptions, StatusNotification, type StatusParams } from '../lsp/protocol.js';
import { createMaskedOutputChannel } from './masked-output.js';
import { registerScanCommand } from './scan-command.js';
import { createStatusBar } from './status-bar.js';
import { registerSuppressCommand } from './suppress-command.js';

const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = createMaskedOutputChannel('piiguard');
  const statusBar = createStatusBar();
  context.subscriptions.push(output, statusBar);

  const start = async (): Promise<void> => {
    client = createClient(context, output);
    client.onNotification(StatusNotification.method, (status: StatusParams) => statusBar.update(status));
    await client.start();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('piiguard.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('piiguard.restartServer', async () => {
      await client?.stop();
      await start();
    }),
    registerScanCommand(() => client),
    registerSuppressCommand(),
    // Trust granted: restart so the server leaves limited mode and reads the workspace configuration.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop();
      await start();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/extension/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ scheme: 'file', language })),
    outputChannel: output,
    // Read at every (re)start: trust may have changed.
    initializationOptions: (): PiiguardInitializationOptions => ({
      trusted: vscode.workspace.isTrusted,
      suppressWithReasonCommand: true,
    }),
    markdown: { isTrusted: false, supportHtml: false },
  };
  return new LanguageClient('piiguard', 'piiguard', serverOptions, clientOptions);
}
