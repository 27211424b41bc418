import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server.js';

/**
 * `piiguard lsp --stdio`: the language server for any editor, speaking LSP on standard input and
 * output. The process ends when the client sends `exit` or closes standard input.
 */
export function runStdioServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<number> {
  return new Promise((resolve) => {
    const connection = createConnection(ProposedFeatures.all, input, output);
    connection.onExit(() => resolve(0));
    startServer(connection);
  });
}
