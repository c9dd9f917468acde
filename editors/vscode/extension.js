// Starts `egaf lsp` for the YAML files of the workspace. The server does the
// work (findings, quick fixes, completion, hover, definition); this file only
// tells VS Code how to start it. Messages follow VS Code's display language.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('egaf');
  const args = ['lsp'];
  if (config.get('refs')) args.push('--refs', config.get('refs'));
  const server = { command: config.get('path') || 'egaf', args, transport: TransportKind.stdio };
  client = new LanguageClient('egaf', 'egaf', server, {
    documentSelector: [{ scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' }],
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
