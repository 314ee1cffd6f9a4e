/**
 * Registers the writing experience: the 5 Whys and Sections views with the quality status item
 * (controller.ts), their commands and "Postmortem: New Postmortem". Everything goes to
 * context.subscriptions.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { newPostmortem } from '../commands/newPostmortem';
import { registerViewCommands } from '../commands/viewCommands';
import { WritingController } from './controller';

export function registerWritingFeatures(context: vscode.ExtensionContext, lc: LanguageClient): WritingController {
  const views = new WritingController(lc);
  context.subscriptions.push(
    views,
    ...registerViewCommands(lc, views),
    vscode.commands.registerCommand('postmortem.newPostmortem', () => newPostmortem(context, lc)),
  );
  return views;
}
