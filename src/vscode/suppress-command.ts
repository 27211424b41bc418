import * as vscode from 'vscode';
import { SUPPRESS_WITH_REASON_COMMAND, type SuppressWithReasonArgs, suppressionComment } from '../lsp/protocol.js';

/**
 * Runs the "suppress with a reason" code action: a suppression without a reason is itself reported,
 * so the reason is asked for before the comment is written.
 */
export function registerSuppressCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(SUPPRESS_WITH_REASON_COMMAND, async (args: SuppressWithReasonArgs) => {
    const reason = await vscode.window.showInputBox({
      title: `Suppress ${args.ruleId} on this line`,
      prompt: 'Why is this safe? The reason stays in the code and in SARIF reports. Add "(until YYYY-MM-DD)" to make it expire.',
      placeHolder: 'e.g. masked upstream by the SIP gateway (until 2027-06-30)',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim().length < 3 ? 'Give a reason of a few words.' : undefined),
    });
    if (reason === undefined) return;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(vscode.Uri.parse(args.uri), new vscode.Position(args.line, 0), suppressionComment(args, reason));
    await vscode.workspace.applyEdit(edit);
  });
}
