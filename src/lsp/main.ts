import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server.js';

// Entry of the server bundle the VS Code extension starts: the transport (node IPC, stdio, socket)
// comes from the command line the client used (--node-ipc, --stdio, --socket=N).
startServer(createConnection(ProposedFeatures.all));
