/**
 * Where an action item stands on a given day, shared by the report and the Action Items view so both
 * count the same way:
 * - done: a checked box or a done status;
 * - overdue: explicitly open (an unchecked box, or Open / In progress / To do) and due before today —
 *   the action-item-overdue rule's reading, since an item with no status may well be finished;
 * - soon: not done and due today or within the next 14 days;
 * - open: everything else that is not done (no due date, a later one, or past due without a status).
 */
import { addDays, isIsoDate } from '../core/language/dates';
import type { ActionItemFact } from './facts';

export type ActionItemBucket = 'overdue' | 'soon' | 'open' | 'done';

export const BUCKETS: readonly ActionItemBucket[] = ['overdue', 'soon', 'open', 'done'];

/** Days ahead that count as "due soon". */
export const SOON_DAYS = 14;

export function bucketOf(item: Pick<ActionItemFact, 'status' | 'dueDate'>, today: string): ActionItemBucket {
  if (item.status === 'done') return 'done';
  const due = item.dueDate;
  if (!due || !isIsoDate(today)) return 'open';
  if (due < today) return item.status === 'open' ? 'overdue' : 'open';
  if (due <= addDays(today, SOON_DAYS)) return 'soon';
  return 'open';
}

/** True when the item is not done and its due date is before today but it carries no status. */
export function pastDueWithoutStatus(item: Pick<ActionItemFact, 'status' | 'dueDate'>, today: string): boolean {
  return item.status === 'unknown' && !!item.dueDate && item.dueDate < today;
}

/** A person's handle or name reduced for comparison: "@Priya", "priya", "Priya " -> "priya". */
export function normalizeHandle(s: string): string {
  return s
    .replace(/[*_`]/g, '')
    .trim()
    .replace(/^@+/, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** The people an owner field names: "@kim, @noor", "Kim & Noor", "kim / noor" -> ["kim", "noor"]. */
export function ownersOf(owner: string | undefined): string[] {
  if (!owner) return [];
  return owner
    .split(/\s*(?:,|;|&|\/|\+|\band\b)\s*/i)
    .map(normalizeHandle)
    .filter(Boolean);
}

/**
 * True when the owner field names `me` (the `postmortem.me` setting): one of its people equals the
 * handle, or is a full name whose first word is the handle ("Priya Raman" for "priya").
 */
export function isMine(owner: string | undefined, me: string): boolean {
  const handle = normalizeHandle(me);
  if (!handle) return false;
  return ownersOf(owner).some((o) => o === handle || o.split(' ')[0] === handle || o.replace(/\s+/g, '') === handle.replace(/\s+/g, ''));
}
