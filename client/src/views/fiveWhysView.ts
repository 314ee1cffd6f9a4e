/** The 5 Whys tree view: FiveWhysTreeData's nodes as TreeItems. No logic beyond the mapping. */
import * as vscode from 'vscode';
import type { Range } from 'vscode-languageserver-protocol';
import { FiveWhysTreeData, type FiveWhysIcon, type FiveWhysNode } from './fiveWhysTree';
import { REVEAL_COMMAND } from './ids';

const ICONS: Record<FiveWhysIcon, vscode.ThemeIcon> = {
  chain: new vscode.ThemeIcon('type-hierarchy-sub'),
  'chain-warning': new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  why: new vscode.ThemeIcon('question'),
  answer: new vscode.ThemeIcon('arrow-right'),
  'root-cause': new vscode.ThemeIcon('target'),
  'root-cause-warning': new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
};

export function revealCommand(uri: string | undefined, range: Range | undefined, title = 'Reveal'): vscode.Command | undefined {
  return uri && range ? { title, command: REVEAL_COMMAND, arguments: [uri, range] } : undefined;
}

export class FiveWhysView implements vscode.TreeDataProvider<FiveWhysNode> {
  private readonly changed = new vscode.EventEmitter<FiveWhysNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(readonly data: FiveWhysTreeData) {}

  /** Redraws the whole tree (after `data.update` said it changed). */
  redraw(): void {
    this.changed.fire();
  }

  getChildren(node?: FiveWhysNode): FiveWhysNode[] {
    return this.data.children(node);
  }

  getTreeItem(node: FiveWhysNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = ICONS[node.icon];
    item.contextValue = node.kind === 'chain' ? (node.endsInHumanAction ? 'chain.humanAction' : 'chain') : node.kind;
    item.command = revealCommand(this.data.uri, node.range);
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
