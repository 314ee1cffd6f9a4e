/**
 * The Action Items view's tree, built from the server's `postmortem/actionItems` answer. No vscode
 * import: actionItemsView.ts turns these nodes into TreeItems, and tests build trees directly.
 *
 * Grouped by where each item stands (overdue, due within 14 days, open, done — the buckets the server
 * computed with review/actionItemStatus.ts, the report's own reading) or by owner; "mine" keeps the
 * items whose owner names the `postmortem.me` handle. Each item shows its owner, due date and
 * postmortem, and reveals its line on click.
 */
import type { Range } from 'vscode-languageserver-protocol';
import { isMine, ownersOf } from '../../../common/owners';
import type { ActionItemBucketInfo, ActionItemInfo, ActionItemsResult } from '../../../common/protocol';
import { shorten } from './labels';

export type GroupBy = 'status' | 'owner';

export interface ActionItemsViewOptions {
  groupBy: GroupBy;
  /** Only the items owned by `me`. */
  mine: boolean;
  /** The `postmortem.me` setting: the user's handle ("@priya", "priya"). */
  me: string;
}

export interface ItemNode {
  kind: 'item';
  id: string;
  label: string;
  description: string;
  tooltip: string;
  bucket: ActionItemBucketInfo;
  uri: string;
  range: Range;
}

export interface GroupNode {
  kind: 'group';
  id: string;
  label: string;
  description: string;
  /** The bucket when grouped by status. */
  bucket?: ActionItemBucketInfo;
  children: ItemNode[];
}

export interface ActionItemsTree {
  groups: GroupNode[];
  /** Items shown, by bucket. */
  counts: Record<ActionItemBucketInfo, number>;
  /** For the view's description: "2 overdue · 1 due soon · 5 open · 6 done". */
  description: string;
  /** A message for the view's body when there is nothing to show, or the mine filter has no handle. */
  message?: string;
}

export const BUCKET_LABELS: Record<ActionItemBucketInfo, string> = {
  overdue: 'Overdue',
  soon: 'Due within 14 days',
  open: 'Open',
  done: 'Done',
};
const ORDER: ActionItemBucketInfo[] = ['overdue', 'soon', 'open', 'done'];
const NO_OWNER = 'No owner';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function dueText(item: ActionItemInfo): string | undefined {
  if (item.dueDate) return `due ${item.dueDate}`;
  if (item.due) return `due "${item.due}"`;
  return undefined;
}

function itemNode(item: ActionItemInfo, group: string, showOwner: boolean): ItemNode {
  const parts = [showOwner ? (item.owner ?? 'no owner') : undefined, dueText(item), item.postmortem.title].filter((p): p is string => !!p);
  const state =
    item.bucket === 'overdue'
      ? 'Overdue'
      : item.bucket === 'soon'
        ? 'Due within 14 days'
        : item.bucket === 'done'
          ? 'Done'
          : item.status === 'unknown'
            ? 'No status written'
            : 'Open';
  const tooltip = [
    item.text,
    '',
    `Owner: ${item.owner ?? 'nobody named'}`,
    `Due: ${item.dueDate ?? item.due ?? 'no date'}`,
    `State: ${state}`,
    ...(item.ticket ? [`Ticket: ${item.ticket}`] : []),
    `Postmortem: ${item.postmortem.title}${item.postmortem.date ? ` (${item.postmortem.date})` : ''} — ${item.postmortem.path}:${item.range.start.line + 1}`,
  ].join('\n');
  return {
    kind: 'item',
    id: `${group}\u0000${item.postmortem.uri}\u0000${item.range.start.line}`,
    label: shorten(item.text) || '(empty action item)',
    description: parts.join(' · '),
    tooltip,
    bucket: item.bucket,
    uri: item.postmortem.uri,
    range: item.range,
  };
}

/** Most urgent first: by bucket, then due date (none last), then postmortem and line. */
function byUrgency(a: ActionItemInfo, b: ActionItemInfo): number {
  return (
    ORDER.indexOf(a.bucket) - ORDER.indexOf(b.bucket) ||
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
    a.postmortem.path.localeCompare(b.postmortem.path) ||
    a.range.start.line - b.range.start.line
  );
}

function countsOf(items: readonly ActionItemInfo[]): Record<ActionItemBucketInfo, number> {
  const c: Record<ActionItemBucketInfo, number> = { overdue: 0, soon: 0, open: 0, done: 0 };
  for (const i of items) c[i.bucket]++;
  return c;
}

export function describeCounts(c: Record<ActionItemBucketInfo, number>): string {
  return `${c.overdue} overdue · ${c.soon} due soon · ${c.open} open · ${c.done} done`;
}

export function buildActionItemsTree(result: ActionItemsResult | null | undefined, opts: ActionItemsViewOptions): ActionItemsTree {
  const empty = { overdue: 0, soon: 0, open: 0, done: 0 };
  if (!result) return { groups: [], counts: empty, description: '', message: 'The postmortem server is not running.' };
  if (opts.mine && !opts.me.trim()) {
    return {
      groups: [],
      counts: empty,
      description: 'mine',
      message: 'Set "postmortem.me" to your handle (for example @priya) to see the action items you own.',
    };
  }
  const items = (opts.mine ? result.items.filter((i) => isMine(i.owner, opts.me)) : result.items).slice().sort(byUrgency);
  const counts = countsOf(items);
  const description = `${opts.mine ? 'mine · ' : ''}${describeCounts(counts)}${result.indexing ? ' · indexing…' : ''}`;
  let groups: GroupNode[];
  if (opts.groupBy === 'status') {
    groups = ORDER.filter((b) => counts[b] > 0).map((b) => ({
      kind: 'group' as const,
      id: `status:${b}`,
      label: BUCKET_LABELS[b],
      description: String(counts[b]),
      bucket: b,
      children: items.filter((i) => i.bucket === b).map((i) => itemNode(i, `status:${b}`, true)),
    }));
  } else {
    const byOwner = new Map<string, { label: string; items: ActionItemInfo[] }>();
    for (const i of items) {
      const owners = ownersOf(i.owner);
      const keys = owners.length ? owners : [NO_OWNER.toLowerCase()];
      const labels = owners.length && i.owner ? splitOwnerLabels(i.owner) : [NO_OWNER];
      keys.forEach((k, n) => {
        let g = byOwner.get(k);
        if (!g) byOwner.set(k, (g = { label: labels[n] ?? k, items: [] }));
        g.items.push(i);
      });
    }
    groups = [...byOwner.entries()]
      .sort(([a], [b]) => (a === NO_OWNER.toLowerCase() ? 1 : b === NO_OWNER.toLowerCase() ? -1 : a.localeCompare(b)))
      .map(([key, g]) => {
        const c = countsOf(g.items);
        const open = c.overdue + c.soon + c.open;
        return {
          kind: 'group' as const,
          id: `owner:${key}`,
          label: g.label,
          description: [`${open} open`, ...(c.overdue ? [`${c.overdue} overdue`] : []), ...(c.done ? [`${c.done} done`] : [])].join(' · '),
          children: g.items.map((i) => itemNode(i, `owner:${key}`, false)),
        };
      });
  }
  const message = items.length
    ? undefined
    : opts.mine
      ? `No action item in the workspace names ${opts.me.trim()} as its owner.`
      : result.indexing
        ? 'Reading the workspace\u2019s postmortems…'
        : `No action items in ${plural(result.postmortems, 'postmortem')} of the workspace.`;
  return { groups, counts, description, ...(message ? { message } : {}) };
}

/** The owner field's people as written ("@kim, Noor" -> ["@kim", "Noor"]), in ownersOf's order. */
function splitOwnerLabels(owner: string): string[] {
  return owner
    .split(/\s*(?:,|;|&|\/|\+|\band\b)\s*/i)
    .map((s) => s.replace(/[*_`]/g, '').trim())
    .filter(Boolean);
}
