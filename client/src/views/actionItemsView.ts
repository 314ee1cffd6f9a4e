/**
 * The Action Items view (Postmortem container): every action item of every postmortem in the
 * workspace, from the server's workspace index (`postmortem/actionItems`). The tree is built by
 * actionItemsTree.ts; this file draws it, keeps the grouping and the "mine" filter, and asks again
 * when the server says the index changed, when the view becomes visible, or when `postmortem.me`
 * changes. Clicking an item reveals its line (`postmortem.revealRange`).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ActionItemsRequest, IndexChangedNotification, type ActionItemsResult } from '../../../common/protocol';
import { buildActionItemsTree, type ActionItemsTree, type GroupBy, type GroupNode, type ItemNode } from './actionItemsTree';
import { REVEAL_COMMAND, VIEW_IDS } from './ids';

export const ACTION_ITEMS_VIEW = VIEW_IDS.actionItems;

/** Commands of the view (package.json contributes them; menus show the one that applies). */
export const ACTION_ITEM_COMMANDS = {
  groupByOwner: 'postmortem.groupActionItemsByOwner',
  groupByStatus: 'postmortem.groupActionItemsByStatus',
  showMine: 'postmortem.showMyActionItems',
  showAll: 'postmortem.showAllActionItems',
  refresh: 'postmortem.refreshActionItems',
} as const;

/** Context keys for the view's title menu. */
export const ACTION_ITEM_CONTEXT = {
  groupBy: 'postmortem.actionItemsGroupBy',
  mine: 'postmortem.actionItemsMine',
} as const;

type Node = GroupNode | ItemNode;

const ICONS: Record<string, [string, string | undefined]> = {
  overdue: ['warning', 'list.errorForeground'],
  soon: ['clock', 'list.warningForeground'],
  open: ['circle-large-outline', undefined],
  done: ['pass', 'testing.iconPassed'],
};

export class ActionItemsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly tree: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private result: ActionItemsResult | null | undefined;
  private built: ActionItemsTree = { groups: [], counts: { overdue: 0, soon: 0, open: 0, done: 0 }, description: '' };
  private groupBy: GroupBy;
  private mine: boolean;
  private asking = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.groupBy = context.workspaceState.get<GroupBy>('postmortem.actionItems.groupBy', 'status');
    this.mine = context.workspaceState.get<boolean>('postmortem.actionItems.mine', false);
    this.tree = vscode.window.createTreeView(ACTION_ITEMS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.tree,
      this.changed,
      this.tree.onDidChangeVisibility((e) => e.visible && void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('postmortem.me') && this.redraw()),
      client.onNotification(IndexChangedNotification, () => {
        if (this.tree.visible) void this.refresh();
        else this.result = undefined;
      }),
      vscode.commands.registerCommand('postmortem.groupActionItemsByOwner', () => this.setGroupBy('owner')),
      vscode.commands.registerCommand('postmortem.groupActionItemsByStatus', () => this.setGroupBy('status')),
      vscode.commands.registerCommand('postmortem.showMyActionItems', () => this.setMine(true)),
      vscode.commands.registerCommand('postmortem.showAllActionItems', () => this.setMine(false)),
      vscode.commands.registerCommand('postmortem.refreshActionItems', () => this.refresh()),
    );
    this.setContext();
  }

  private me(): string {
    return vscode.workspace.getConfiguration('postmortem').get<string>('me', '') ?? '';
  }

  private setContext(): void {
    void vscode.commands.executeCommand('setContext', ACTION_ITEM_CONTEXT.groupBy, this.groupBy);
    void vscode.commands.executeCommand('setContext', ACTION_ITEM_CONTEXT.mine, this.mine);
  }

  private setGroupBy(g: GroupBy): void {
    this.groupBy = g;
    void this.context.workspaceState.update('postmortem.actionItems.groupBy', g);
    this.setContext();
    this.redraw();
  }

  private setMine(mine: boolean): void {
    this.mine = mine;
    void this.context.workspaceState.update('postmortem.actionItems.mine', mine);
    this.setContext();
    this.redraw();
  }

  /** Asks the server for the items (an answer older than a newer request is dropped). */
  async refresh(): Promise<void> {
    if (!this.client.isRunning()) return;
    const ticket = ++this.asking;
    try {
      const result = await this.client.sendRequest(ActionItemsRequest, {});
      if (ticket !== this.asking) return;
      this.result = result;
      this.redraw();
    } catch {
      // The server restarted meanwhile; the next index change asks again.
    }
  }

  private redraw(): void {
    this.built = buildActionItemsTree(this.result, { groupBy: this.groupBy, mine: this.mine, me: this.me() });
    this.tree.description = this.built.description;
    this.tree.message = this.built.message;
    const overdue = this.built.counts.overdue;
    this.tree.badge = overdue ? { value: overdue, tooltip: `${overdue} overdue action ${overdue === 1 ? 'item' : 'items'}` } : undefined;
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.built.groups;
    return node.kind === 'group' ? node.children : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const expand = node.bucket === 'done' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
      const item = new vscode.TreeItem(node.label, expand);
      item.id = node.id;
      item.description = node.description;
      item.contextValue = 'actionItems.group';
      if (node.bucket) {
        const [icon, color] = ICONS[node.bucket];
        item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
      } else item.iconPath = new vscode.ThemeIcon('person');
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    const [icon, color] = ICONS[node.bucket];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = `actionItem.${node.bucket}`;
    item.command = { title: 'Reveal action item', command: REVEAL_COMMAND, arguments: [node.uri, node.range] };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
