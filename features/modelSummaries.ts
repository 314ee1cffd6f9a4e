/**
 * Summaries of a postmortem's model for the editor's code lenses and hovers: how long after the first
 * timeline entry each entry happened, when the incident was detected, mitigated and resolved, and the
 * state of the action items. Pure and synchronous like the rest of the core; today's date comes in.
 */
import {
  daysBetween,
  isIsoDate,
  resolveDue,
  actionTypeOf,
  incidentDate,
  statusOf,
  NO_OWNER,
  ownerKind,
  orderKeys,
  spansDays,
  type ActionItem,
  type PostmortemModel,
  type Timeline,
  type TimelineEntry,
} from '../core';

// ---------------------------------------------------------------------------------------------
// Elapsed time
// ---------------------------------------------------------------------------------------------

/**
 * Where each entry of a timeline stands in minutes after its first timed entry (undefined: cannot tell).
 * Dates, day markers and midnight rollover are read by timeline-order's `orderKeys`, so the hover and
 * the rule agree on which day an entry is on. `spansDays`: the metadata's start and end fall on
 * different dates (true), on one date (false), or it does not say (undefined).
 */
export function elapsedMinutes(timeline: Timeline, spansDays?: boolean): Array<number | undefined> {
  const entries = timeline.entries;
  const first = entries.findIndex((e) => !!e.time);
  if (first < 0) return entries.map(() => undefined);
  const keys = orderKeys(entries, spansDays);
  const base = keys[first]!;
  const baseMinutes = base.minutes!;
  return entries.map((e, i) => {
    const k = keys[i];
    if (!e.time || i < first || !k || k.minutes === undefined) return undefined;
    let days: number | undefined;
    if (k.date && base.date && isIsoDate(k.date) && isIsoDate(base.date)) days = daysBetween(base.date, k.date);
    else if (k.date?.startsWith('????') && base.date?.startsWith('????')) {
      days = daysBetween(`2024-${base.date.slice(5)}`, `2024-${k.date.slice(5)}`) + 366 * ((k.yearShift ?? 0) - (base.yearShift ?? 0));
    } else if (k.day !== undefined || base.day !== undefined) days = (k.day ?? 0) - (base.day ?? 0);
    else if (!k.date && !base.date) days = 0;
    if (days === undefined) return undefined;
    return days * 1440 + k.minutes - baseMinutes;
  });
}

/** 47 -> "47 min", 135 -> "2 h 15 min", 3000 -> "2 d 2 h"; negative values read as their size. */
export function formatDuration(minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest ? `${h} h ${rest} min` : `${h} h`;
  }
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** "+47 min after the first entry", "at the first entry", "12 min before the first entry". */
export function describeElapsed(minutes: number): string {
  if (minutes === 0) return 'at the time of the first entry';
  return minutes > 0 ? `+${formatDuration(minutes)} after the first entry` : `${formatDuration(minutes)} before the first entry`;
}

// ---------------------------------------------------------------------------------------------
// Milestones
// ---------------------------------------------------------------------------------------------

export type MilestoneKind = 'detected' | 'mitigated' | 'resolved';

/**
 * How a timeline row says it is a milestone: by what happens in it (a class of verbs and phrases,
 * matched at the start of a word so every inflection counts: "restor" takes "restored", "restoring",
 * "restoration"), or by the author's own mark ("Detected:", "[mitigation]", "**Resolved**"). Reviewed
 * data: every `flag` example must mark the kind, no `clean` one (test/core/writing.test.ts).
 */
export const MILESTONE_READING: Record<MilestoneKind, { stems: string[]; examples: { flag: string[]; clean: string[] } }> = {
  detected: {
    stems: [
      'alert',
      'page',
      'paging',
      'fires',
      'fired',
      'detect',
      'notic',
      'report',
      'spott',
      'observ',
      'discover',
      'escalat',
      'declar',
      'acknowledg',
      'complain',
      'opened an incident',
      'incident opened',
      'on-call joined',
      'first error',
    ],
    examples: {
      flag: [
        'PagerDuty paged Kim',
        'Support noticed failed checkouts',
        'A customer complained on the forum',
        'Incident declared, SEV-2',
        'On-call acknowledged the page',
        'Error-rate monitor went off and was acknowledged',
        'Kim spotted the backlog on the dashboard',
      ],
      clean: ['Homepage load time rose', 'No alert fired for the queue', 'Deploy of the export worker', 'Reindex started'],
    },
  },
  mitigated: {
    stems: [
      'mitigat',
      'rollback',
      'rolled back',
      'roll back',
      'rolling back',
      'revert',
      'failover',
      'failed over',
      'fail over',
      'failing over',
      'disabl',
      'paus',
      'restart',
      'reboot',
      'scaled',
      'scale up',
      'scale out',
      'drain',
      'throttl',
      'rate-limit',
      'rate limit',
      'blocked',
      'hotfix',
      'hot fix',
      'patched',
      'workaround',
      'shifted',
      'rerout',
      're-rout',
      'redirected',
      'turned off',
      'switched off',
      'killed',
      'isolat',
      'quarantin',
      'fix deployed',
      'deployed the fix',
      'deployed a fix',
      'fix rolled out',
      'rolled out the fix',
      'applied the fix',
      'applied a fix',
    ],
    examples: {
      flag: [
        'Old certificate restored on the load balancer',
        'Restored the last known good config',
        'Traffic failed over to us-east',
        'Feature flag disabled',
        'Restarted the export workers',
        'Traffic shifted to the standby region',
        'Hotfix 1.4.2 deployed',
        'Scaled the pool to 60 connections',
        'Rate-limited the noisy tenant',
        'Fix deployed to all regions',
      ],
      clean: ['Reindex started', 'Error rate climbed to 14%', 'Latency rose on the checkout API'],
    },
  },
  resolved: {
    stems: [
      'resolv',
      'resolution',
      'recover',
      'restor',
      'back to normal',
      'returned to normal',
      'back to baseline',
      'returned to baseline',
      'all clear',
      'all-clear',
      'incident closed',
      'closed the incident',
      'stable again',
      'stabili',
      'healthy again',
      'operating normally',
      'fully operational',
      'no more errors',
      'no more duplicates',
      'no further errors',
      'errors stopped',
    ],
    examples: {
      flag: [
        'Error rates back to normal',
        'Monitoring confirmed full recovery',
        'Service restored for all users',
        'Queue drained, latency returned to baseline',
        'Incident closed',
        'Resolved: no more duplicates sent',
      ],
      clean: ['The pool was not recovered until later', 'Rollback started', 'Deploy of the scheduler change', 'Old certificate restored on the load balancer'],
    },
  },
};

/** Kept for callers that list the words (the reading's stems). */
export const MILESTONE_WORDS: Record<MilestoneKind, string[]> = {
  detected: MILESTONE_READING.detected.stems,
  mitigated: MILESTONE_READING.mitigated.stems,
  resolved: MILESTONE_READING.resolved.stems,
};

/** The author's own mark at the start of the row's text, or as a tag in it. */
const AUTHOR_MARK: Record<MilestoneKind, RegExp> = {
  detected: /(?:^|[[(])\s*(?:\*\*|__)?(?:detect(?:ed|ion)|first detected)(?:\*\*|__)?\s*(?:[\]):—–-]|$)/i,
  mitigated: /(?:^|[[(])\s*(?:\*\*|__)?mitigat(?:ed|ion)(?:\*\*|__)?\s*(?:[\]):—–-]|$)/i,
  resolved: /(?:^|[[(])\s*(?:\*\*|__)?(?:resolved|resolution|recovered)(?:\*\*|__)?\s*(?:[\]):—–-]|$)/i,
};

const NEGATION = /\b(?:no|not|never|without|nobody|none|didn[’']?t|wasn[’']?t|hadn[’']?t|but did not|did not)\s+(?:\S+\s+)?$/i;

function wordPattern(words: string[]): RegExp {
  const alt = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})`, 'giu');
}
const PATTERNS = Object.fromEntries(Object.entries(MILESTONE_WORDS).map(([k, v]) => [k, wordPattern(v)])) as Record<MilestoneKind, RegExp>;

/** Restoring what was there before (a previous record, an old config, a backup) is a rollback, not the end of the incident. */
const RESTORE_EARLIER =
  /(?<![\p{L}])(?:previous|old|older|earlier|prior|last[- ]known(?:[- ]good)?|backup)(?![\p{L}])[^.;]{0,40}?(?<![\p{L}])restor|(?<![\p{L}])restor\p{L}*\s+(?:\S+\s+){0,2}?(?:previous|old|older|earlier|prior|last[- ]known|backup)(?![\p{L}])/iu;

/** True when the entry's text names the milestone, by the author's mark or by what happens (and does not deny it: "no alert fired"). */
export function entryMarks(kind: MilestoneKind, text: string): boolean {
  if (AUTHOR_MARK[kind].test(text.trim())) return true;
  if (RESTORE_EARLIER.test(text)) {
    if (kind === 'mitigated') return true;
    // "Old config restored": the restore is no resolution; other resolution words in the row still count.
    if (kind === 'resolved') text = text.replace(/(?<![\p{L}])restor\p{L}*/giu, ' ');
  }
  const re = PATTERNS[kind];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (!NEGATION.test(before)) return true;
  }
  return false;
}

export interface Milestone {
  kind: MilestoneKind;
  /** Index into timeline.entries. */
  entry: number;
  /** Minutes after the first entry, when both have clock times that can be compared. */
  minutes?: number;
}

export interface TimelineMilestones {
  /** Index into model.timelines. */
  timeline: number;
  /** Index of the first entry with a clock time: the first symptom. Undefined when no entry has a time. */
  first?: number;
  detected?: Milestone;
  mitigated?: Milestone;
  resolved?: Milestone;
}

/**
 * The first entry naming detection, mitigation and resolution in one timeline, each with its distance
 * from the first entry. The first entry counts for detection ("09:02 Alert fired" found it at once).
 */
export function timelineMilestones(model: PostmortemModel, index: number): TimelineMilestones {
  const timeline = model.timelines[index];
  const out: TimelineMilestones = { timeline: index };
  if (!timeline) return out;
  const elapsed = elapsedMinutes(timeline, spansDays(model.metadata));
  const first = timeline.entries.findIndex((e) => !!e.time);
  if (first >= 0) out.first = first;
  for (const kind of ['detected', 'mitigated', 'resolved'] as const) {
    const at = timeline.entries.findIndex((e: TimelineEntry) => entryMarks(kind, e.text));
    if (at < 0) continue;
    const minutes = elapsed[at];
    out[kind] = { kind, entry: at, ...(minutes !== undefined ? { minutes } : {}) };
  }
  return out;
}

/** "detected after 8 min · mitigated after 40 min · resolved after 1 h 12 min", naming what is not recorded. */
export function describeMilestones(m: TimelineMilestones): string {
  const part = (kind: MilestoneKind, noun: string) => {
    const x = m[kind];
    if (!x) return `no ${noun} entry`;
    if (x.minutes === undefined) return `${kind} (time unknown)`;
    if (x.minutes === 0) return `${kind} at the first entry`;
    return x.minutes > 0 ? `${kind} after ${formatDuration(x.minutes)}` : `${kind} ${formatDuration(x.minutes)} before the first entry`;
  };
  return [part('detected', 'detection'), part('mitigated', 'mitigation'), part('resolved', 'resolution')].join(' · ');
}

// ---------------------------------------------------------------------------------------------
// Action items
// ---------------------------------------------------------------------------------------------

export interface ActionItemSummary {
  items: number;
  /** Items whose owner names one person (not empty, "TBD", "?", "someone", "@owner", a team or several people). */
  owned: number;
  /** Items marked open whose due date is before today (as the action-item-overdue rule reads them). */
  overdue: number;
  /** Items of type prevent. */
  prevent: number;
  /** Items marked done (checked box or a done status). */
  done: number;
}

/** Owned: the owner names one person (not empty, "TBD", "@owner", nor a team or several people). */
export function isOwned(item: ActionItem): boolean {
  const owner = item.fields.owner?.value.replace(/[*_`]/g, '').trim();
  if (owner === undefined || NO_OWNER.test(owner)) return false;
  const kind = ownerKind(item.fields.owner!.value);
  return kind !== 'team' && kind !== 'several';
}

/** Open (explicitly not done) and due before `today`. Without today's date nothing is overdue. */
export function isOverdue(model: PostmortemModel, item: ActionItem, today: string | undefined): boolean {
  if (!today || !isIsoDate(today) || statusOf(item) !== 'open') return false;
  const due = resolveDue(item.fields.due?.value ?? '', incidentDate(model));
  return due.kind === 'date' && due.date < today;
}

export function actionItemSummary(model: PostmortemModel, today: string | undefined, items: readonly ActionItem[] = model.actionItems): ActionItemSummary {
  const s: ActionItemSummary = { items: items.length, owned: 0, overdue: 0, prevent: 0, done: 0 };
  for (const item of items) {
    if (isOwned(item)) s.owned++;
    if (isOverdue(model, item, today)) s.overdue++;
    if (actionTypeOf(item.fields.type?.value) === 'prevent') s.prevent++;
    if (statusOf(item) === 'done') s.done++;
  }
  return s;
}

/** "4 items · 3 owned · 1 overdue · 2 prevent" */
export function describeActionItems(s: ActionItemSummary): string {
  return `${s.items} ${s.items === 1 ? 'item' : 'items'} · ${s.owned} owned · ${s.overdue} overdue · ${s.prevent} prevent`;
}
