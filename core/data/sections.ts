/**
 * Section kinds and the headings that name them. Headings are compared after `normalizeHeading`
 * (lower case, punctuation, numbering, emoji and parentheticals removed). An exact alias wins; failing
 * that, the first keyword rule whose words all occur in the heading decides.
 */
import type { SectionKind } from '../types';
import { own } from '../engine/nodeMemo';
import { replaceDelimited } from '../language/regexp';

export interface SectionInfo {
  kind: SectionKind;
  /** Heading used when the section is inserted. */
  title: string;
  /** One line saying what belongs there (used by the insert-section fix and snippets). */
  prompt: string;
  aliases: string[];
}

export const SECTIONS: SectionInfo[] = [
  {
    kind: 'summary',
    title: 'Summary',
    prompt: 'In three to five sentences: what failed, who was affected, for how long, and what ended it.',
    aliases: [
      'summary',
      'incident summary',
      'executive summary',
      'overview',
      'tldr',
      'tl dr',
      'abstract',
      'description',
      'incident description',
      'what happened',
      'incident overview',
      'synopsis',
      'short summary',
      'summary of the incident',
      'brief summary',
      'how did it happen',
      'how it happened',
    ],
  },
  {
    kind: 'impact',
    title: 'Impact',
    prompt: 'Who and what was affected, in numbers: users, requests, errors, revenue, duration.',
    aliases: [
      'impact',
      'customer impact',
      'user impact',
      'business impact',
      'impact assessment',
      'scope and impact',
      'affected services',
      'blast radius',
      'impact and metrics',
      'impact on customers',
      'impact on users',
      'who was affected',
      'what was the impact',
      'user facing impact',
      'customer facing impact',
      'scope',
      'what was impacted',
      'who was impacted',
      'what was affected',
      'who is affected',
      'what is affected',
    ],
  },
  {
    kind: 'timeline',
    title: 'Timeline',
    prompt: 'Time-stamped events with a stated time zone: first symptom, detection, escalations, mitigation, resolution.',
    aliases: [
      'timeline',
      'incident timeline',
      'timeline of events',
      'sequence of events',
      'chronology',
      'events',
      'detailed timeline',
      'event timeline',
      'response timeline',
      'timeline and response',
      'timeline of the incident',
      'incident log',
      'event log',
    ],
  },
  {
    kind: 'root-causes',
    title: 'Root causes',
    prompt: 'The conditions in the system that made the failure possible, traced until a change would prevent it.',
    aliases: [
      'root causes',
      'root cause',
      'root cause analysis',
      'rca',
      'causes',
      'cause',
      'cause analysis',
      'causal analysis',
      'why it happened',
      'analysis',
      'why did it happen',
      'why did this happen',
      'what caused it',
      'what caused the incident',
      'fault',
      'root cause and trigger',
      'underlying issue',
      'the underlying issue',
      'underlying cause',
      'underlying causes',
    ],
  },
  {
    kind: 'contributing-factors',
    title: 'Contributing factors',
    prompt: 'Conditions that made the incident likelier, larger or longer, each with its specific mechanism.',
    aliases: ['contributing factors', 'contributing factor', 'contributing causes', 'contributors', 'factors', 'contributing conditions'],
  },
  {
    kind: 'five-whys',
    title: 'Five whys',
    prompt: 'Start from the problem and ask why until the answer is a condition the team can change.',
    aliases: ['five whys', '5 whys', 'five whys analysis', '5 whys analysis', 'the five whys', 'why chain'],
  },
  {
    kind: 'what-went-well',
    title: 'What went well',
    prompt: 'Practices, tools and decisions that limited the impact and should be kept.',
    aliases: [
      'what went well',
      'went well',
      'things that went well',
      'what worked',
      'what worked well',
      'successes',
      'the good',
      'what went right',
      'things that went right',
      'what we did well',
      'what did we do well',
      'what worked out',
      'positives',
      'what helped',
    ],
  },
  {
    kind: 'what-went-poorly',
    title: 'What went poorly',
    prompt: 'Where tools, processes or information made the response harder or slower.',
    aliases: [
      'what went poorly',
      'what went wrong',
      'went wrong',
      'what went badly',
      'what did not go well',
      'what didnt go well',
      'things that went poorly',
      'things that went wrong',
      'what could have gone better',
      'what could be improved',
      'what could have been better',
      'opportunities for improvement',
      'areas for improvement',
      'challenges',
      'the bad',
      'what could we have done better',
      'what could we do better',
      'what can we do better',
      'what could be done better',
      'what didnt go so well',
      'what did not go so well',
      'what went not so well',
      'what went less well',
      'what we could do better',
      'where we could improve',
      'what was difficult',
      'what was hard',
      'what hurt',
      'what didnt work',
      'what did not work',
      'negatives',
      'pain points',
    ],
  },
  {
    kind: 'where-we-got-lucky',
    title: 'Where we got lucky',
    prompt: 'Circumstances outside our control that kept the incident from being worse.',
    aliases: ['where we got lucky', 'what we got lucky with', 'where we were lucky', 'lucky', 'luck', 'got lucky', 'near misses'],
  },
  {
    kind: 'action-items',
    title: 'Action items',
    prompt: 'Specific, owned, dated changes, each with a type (prevent, detect, mitigate, process, document) and a ticket.',
    aliases: [
      'action items',
      'action item',
      'actions',
      'follow ups',
      'follow up',
      'followups',
      'follow up actions',
      'follow up items',
      'remediation',
      'remediations',
      'remediation items',
      'corrective actions',
      'corrective and preventative measures',
      'corrective and preventive measures',
      'corrective and preventative actions',
      'corrective and preventive actions',
      'preventive measures',
      'preventative measures',
      'next steps',
      'todo',
      'to do',
      'tasks',
      'action plan',
      'follow up tasks',
      'follow up work',
      'followup actions',
      'next actions',
      'actions taken',
      'action items and follow ups',
      'corrective actions and follow ups',
      'preventive actions',
      'preventative actions',
      'improvement actions',
      'remediation actions',
      'repair items',
      'backlog',
      'todos',
      'to dos',
      'how are we preventing it from happening again',
      'how we are preventing it from happening again',
      'how will we prevent it from happening again',
      'how will we prevent this from happening again',
      'preventing it from happening again',
      'preventing recurrence',
      'prevention',
      'what we are doing about it',
      'what are we doing about it',
      'what were doing about it',
      'action taken',
      'future actions',
      'future measures',
      'future work',
      'follow up measures',
      'measures',
      'improvements planned',
      'planned improvements',
      'long term solution',
      'long term solutions',
      'long term fix',
      'long term fixes',
      'action point',
      'action points',
    ],
  },
  {
    kind: 'lessons-learned',
    title: 'Lessons learned',
    prompt: 'What the team now knows about its systems and practices that it did not know before.',
    aliases: [
      'lessons learned',
      'lessons learnt',
      'lessons',
      'learnings',
      'key learnings',
      'takeaways',
      'key takeaways',
      'what we learned',
      'what we learnt',
      'key lessons',
      'lessons and takeaways',
      'insights',
      'what did we learn',
      'what we have learned',
      'learning',
      'lessons learned and action items',
    ],
  },
  {
    kind: 'detection',
    title: 'Detection',
    prompt: 'How the incident was noticed, by what signal, and how long after it began.',
    aliases: [
      'detection',
      'how it was detected',
      'how was it detected',
      'how we found out',
      'discovery',
      'how was the incident detected',
      'how did we find out',
      'how did we notice',
      'detection and response',
      'alerting',
    ],
  },
  {
    kind: 'resolution',
    title: 'Resolution',
    prompt: 'What stopped the impact and what restored normal service.',
    aliases: [
      'resolution',
      'mitigation',
      'recovery',
      'resolution and recovery',
      'mitigation and resolution',
      'how it was resolved',
      'fix',
      'remediation steps',
      'how was it fixed',
      'how it was fixed',
      'how we fixed it',
      'how was it resolved',
      'recovery steps',
      'response and recovery',
      'response',
    ],
  },
  {
    kind: 'trigger',
    title: 'Trigger',
    prompt: 'The change or event that set the failure off.',
    aliases: ['trigger', 'triggers', 'triggering event', 'what triggered it', 'what triggered the incident', 'lead up', 'leadup'],
  },
  {
    kind: 'supporting-information',
    title: 'Supporting information',
    prompt: 'Links to dashboards, logs, tickets and chat threads.',
    aliases: [
      'supporting information',
      'supporting info',
      'appendix',
      'references',
      'links',
      'related links',
      'related documents',
      'glossary',
      'additional information',
      'background',
      'context',
    ],
  },
];

/** Keyword rules for headings that are no exact alias ("Timeline of the outage", "Root cause: disk full"). */
export const SECTION_KEYWORDS: Array<{ words: string[]; kind: SectionKind }> = [
  { words: ['contributing'], kind: 'contributing-factors' },
  { words: ['5', 'whys'], kind: 'five-whys' },
  { words: ['five', 'whys'], kind: 'five-whys' },
  { words: ['root', 'cause'], kind: 'root-causes' },
  { words: ['root', 'causes'], kind: 'root-causes' },
  { words: ['timeline'], kind: 'timeline' },
  { words: ['action', 'items'], kind: 'action-items' },
  { words: ['action', 'item'], kind: 'action-items' },
  { words: ['follow', 'up'], kind: 'action-items' },
  { words: ['corrective'], kind: 'action-items' },
  { words: ['preventative'], kind: 'action-items' },
  { words: ['preventive'], kind: 'action-items' },
  { words: ['lessons'], kind: 'lessons-learned' },
  { words: ['learnings'], kind: 'lessons-learned' },
  { words: ['went', 'well'], kind: 'what-went-well' },
  { words: ['went', 'wrong'], kind: 'what-went-poorly' },
  { words: ['went', 'poorly'], kind: 'what-went-poorly' },
  { words: ['went', 'badly'], kind: 'what-went-poorly' },
  { words: ['lucky'], kind: 'where-we-got-lucky' },
  { words: ['impact'], kind: 'impact' },
  { words: ['summary'], kind: 'summary' },
  { words: ['detection'], kind: 'detection' },
  { words: ['resolution'], kind: 'resolution' },
  { words: ['mitigation'], kind: 'resolution' },
  // Questions and phrasings of published templates (SRE workbook, PagerDuty, Atlassian, GitLab,
  // incident.io, FireHydrant, Jeli): "What could we have done better?", "Follow-ups", "Next steps".
  { words: ['could', 'better'], kind: 'what-went-poorly' },
  { words: ['done', 'better'], kind: 'what-went-poorly' },
  { words: ['went', 'right'], kind: 'what-went-well' },
  { words: ['follow', 'ups'], kind: 'action-items' },
  { words: ['next', 'steps'], kind: 'action-items' },
  { words: ['learned'], kind: 'lessons-learned' },
  { words: ['learnt'], kind: 'lessons-learned' },
  { words: ['happening', 'again'], kind: 'action-items' },
  { words: ['learn'], kind: 'lessons-learned' },
  { words: ['impacted'], kind: 'impact' },
  { words: ['affected'], kind: 'impact' },
  { words: ['recurrence'], kind: 'action-items' },
];

/** The default required template, in order. */
export const DEFAULT_TEMPLATE: SectionKind[] = [
  'summary',
  'impact',
  'timeline',
  'root-causes',
  'contributing-factors',
  'what-went-well',
  'what-went-poorly',
  'action-items',
  'lessons-learned',
];

export const SECTION_INFO = new Map(SECTIONS.map((s) => [s.kind, s]));
const ALIAS = new Map<string, SectionKind>();
for (const s of SECTIONS) for (const a of s.aliases) ALIAS.set(a, s.kind);

/** A parenthesised stretch of a heading, read to the next ")" (core/regexp.ts replaceDelimited). */
const PAREN = /\(/g;
/** Headings seen before, normalised: the same few dozen titles recur in every postmortem. */
const normalized = new Map<string, string>();

export function normalizeHeading(title: string): string {
  let n = normalized.get(title);
  if (n === undefined) {
    n = replaceDelimited(title.toLowerCase(), PAREN, ')', () => ' ') // "Timeline (UTC)"
      .replace(/['’]/g, '')
      .replace(/&/g, ' and ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .replace(/^(?:section|part)\s+\d+\s+/, '')
      .trim();
    // Bounded: a workspace of unusual titles cannot grow it without limit. Copies, so a kept title
    // never holds the document it was cut from.
    if (normalized.size >= 2000) normalized.clear();
    normalized.set(own(title), own(n));
  }
  return n;
}

/** "1. Summary", "IV. Impact" -> "summary", "impact"; "5 Whys" keeps its number. */
function stripNumbering(n: string): string {
  return n.replace(/^(?:\d+|[ivx]+)\s+(?=\p{L})/u, '');
}

/** Extra headings by kind (config `template.aliases`), normalised like the built-in aliases. */
export type ExtraAliases = Partial<Record<SectionKind, string[]>>;

const extraAliasMaps = new Map<string, Map<string, SectionKind>>();

/** The normalised lookup of extra aliases, built once per distinct configuration. */
function extraAliasMap(extra: ExtraAliases): Map<string, SectionKind> {
  const key = JSON.stringify(extra);
  let map = extraAliasMaps.get(key);
  if (!map) {
    map = new Map();
    for (const [kind, headings] of Object.entries(extra) as Array<[SectionKind, string[] | undefined]>) {
      for (const h of headings ?? []) {
        const n = normalizeHeading(h);
        if (n && !map.has(n)) map.set(n, kind);
      }
    }
    if (extraAliasMaps.size >= 32) extraAliasMaps.clear();
    extraAliasMaps.set(key, map);
  }
  return map;
}

/** The kind a label names exactly (an alias, built-in or configured), never by a keyword rule. */
export function exactSectionKind(title: string, extra?: ExtraAliases): SectionKind | undefined {
  const full = normalizeHeading(title);
  if (extra) {
    const map = extraAliasMap(extra);
    const own = map.get(full) ?? map.get(stripNumbering(full));
    if (own) return own;
  }
  return ALIAS.get(full) ?? ALIAS.get(stripNumbering(full));
}

/**
 * The kind a heading names. `extra` (config `template.aliases`) is compared like the built-in aliases
 * and wins over them: a team that calls its timeline "Background" gets a timeline.
 */
export function sectionKindOf(title: string, extra?: ExtraAliases): SectionKind | undefined {
  const full = normalizeHeading(title);
  if (extra) {
    const map = extraAliasMap(extra);
    const own = map.get(full) ?? map.get(stripNumbering(full));
    if (own) return own;
  }
  const n = ALIAS.has(full) ? full : stripNumbering(full);
  const exact = ALIAS.get(n);
  if (exact) return exact;
  const words = new Set(n.split(' '));
  for (const k of SECTION_KEYWORDS) if (k.words.every((w) => words.has(w))) return k.kind;
  return undefined;
}
