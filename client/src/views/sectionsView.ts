/** The Sections view: SectionsTreeData's nodes as TreeItems. No logic beyond the mapping. */
import * as vscode from 'vscode';
import { revealCommand } from './fiveWhysView';
import { SectionsTreeData, type SectionNode } from './sectionsTree';

function iconOf(node: SectionNode): vscode.ThemeIcon {
  if (node.kind === 'other') return new vscode.ThemeIcon('symbol-file');
  if (node.status === 'missing') return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.warningForeground'));
  if (node.status === 'empty') return new vscode.ThemeIcon('circle-large-outline');
  return node.findings
    ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('list.warningForeground'))
    : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}

export class SectionsView implements vscode.TreeDataProvider<SectionNode> {
  private readonly changed = new vscode.EventEmitter<SectionNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(readonly data: SectionsTreeData) {}

  redraw(): void {
    this.changed.fire();
  }

  getChildren(node?: SectionNode): SectionNode[] {
    return node ? [] : this.data.children();
  }

  getTreeItem(node: SectionNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = iconOf(node);
    item.contextValue = node.kind === 'other' ? 'section.other' : `section.${node.status}`;
    item.command = revealCommand(this.data.uri, node.range, 'Reveal section');
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
