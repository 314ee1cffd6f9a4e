/**
 * Where an action item stands on a given day, shared by the report and the Action Items view so both
 * count the same way:
 * - done: a checked box or a done status;
 * - overdue: explicitly open (an unchecked box, or Open / In progress / To do) and due before today —
 *   the action-item-overdue rule's reading, since an item with no status may well be finished;
 * - soon: not done and due today or within the next 14 days;
 * - open: everything else that is not done (no due date, a later one, or past due without a status).
 */
import { addDays, isIsoDate } from '../core';
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
