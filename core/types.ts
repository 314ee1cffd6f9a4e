/**
 * Types shared by the analysis core and its callers (server, CLI, tests).
 *
 * Every position in the core is a UTF-16 offset into the analysed text (what JavaScript strings index
 * by, and what LSP counts columns in). Callers convert offsets to lines and columns with `LineIndex`.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A half-open span of the document: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** One text replacement. Offsets refer to the analysed text. */
export interface TextEdit extends Span {
  newText: string;
}

/** A fix is data: a title and the edits that make it. The CLI, quick-fixes and tests all use it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The best of several fixes for one finding. At most one fix per finding is preferred. */
  preferred?: boolean;
  /** True when newText contains snippet placeholders (`${1:...}`) meant for an editor. */
  snippet?: boolean;
}

export interface Finding extends Span {
  rule: string;
  severity: Severity;
  message: string;
  fixes?: Fix[];
  /** Set when the postmortem's status changed the severity (core/engine/finishAnalysis.ts): which status, and the severity before. */
  shaped?: { status: 'draft' | 'final'; from: Severity };
  /** What to do about it, when the editor shows a short message and this in the hover (lsp/present.ts). */
  advice?: string;
  /** The rules whose findings this one stands for, when the editor merged several (lsp/present.ts). */
  merged?: string[];
}

// ---------------------------------------------------------------------------------------------
// The postmortem model
// ---------------------------------------------------------------------------------------------

export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'root-causes'
  | 'contributing-factors'
  | 'five-whys'
  | 'what-went-well'
  | 'what-went-poorly'
  | 'where-we-got-lucky'
  | 'action-items'
  | 'lessons-learned'
  | 'detection'
  | 'resolution'
  | 'trigger'
  | 'supporting-information';

export interface Section {
  /** Heading text as written (inline markup flattened). */
  title: string;
  depth: number;
  /** Canonical kind, when the heading is a known alias. */
  kind?: SectionKind;
  /** The heading line. */
  heading: Span;
  /** From the end of the heading line to the start of the next heading of the same or higher level. */
  body: Span;
  /** True when the body holds anything besides blank lines and comments (subsections count). */
  hasContent: boolean;
  /** Index of the enclosing section, or -1. */
  parent: number;
  /**
   * True for a section written as a bold label that starts a paragraph ("**Impact:** …", "**Root
   * cause**: …", a paragraph that is only "**Timeline**") or a plain label that is an exact section
   * name ("Root cause: …"), rather than a heading. Such a section has a kind (labels that name none
   * are not sections), `depth` LABEL_DEPTH (7, below every heading), `heading` spanning the label and
   * its colon, and a body running to the next heading or label; its parent is the heading section it
   * sits in. Rules that read section kinds (`kindsAt`, `sectionAt`) see it like any section; code that
   * lists headings (outline, section-empty's heading checks) can tell it apart by this flag.
   */
  label?: true;
}

export interface MetadataField<T = unknown> {
  /** The value after normalisation (e.g. "SEV-2" for "sev2"). */
  value: T;
  /** The value as written. */
  raw: string;
  /** The key (front matter) or bold label (bold metadata lines). */
  keySpan: Span;
  valueSpan: Span;
}

export type MetadataKey = 'title' | 'date' | 'severity' | 'status' | 'authors' | 'commander' | 'responders' | 'start' | 'end' | 'type';

export interface Metadata {
  source: 'front-matter' | 'bold' | 'none';
  fields: Partial<Record<MetadataKey, MetadataField>>;
  /** The front matter block (including its fences) when there is one. */
  frontMatter?: Span;
  /** Keys of the front matter that are not part of the schema (kept, never reported as errors). */
  extra: Record<string, unknown>;
  /** Problems found while reading the metadata; the metadata-invalid rule reports them. */
  problems: Array<Span & { key?: string; message: string }>;
  /**
   * The incident date found outside the metadata when the metadata gives none: in the title or first
   * heading ("# Checkout outage — 14 March 2026"), else the first dated timeline entry. `from` says
   * where; the title's counts as the document's date, the timeline's only dates what needs a year.
   */
  derived?: { date?: { value: string; span: Span; from: 'title' | 'timeline' } };
}

export interface Person {
  name: string;
  role?: string;
}

export interface ClockTime {
  hour: number;
  minute: number;
  second?: number;
}

export interface TimelineEntry {
  /** The whole row or list item. */
  span: Span;
  /** Where the time (and date, when written together) stands. */
  timeSpan: Span;
  timeText: string;
  /** Clock time; absent for an entry with only a date ("2026-07-22") or a relative time ("an hour later"). */
  time?: ClockTime;
  /** ISO date (YYYY-MM-DD) when the entry carries one, or a date heading above it does. */
  date?: string;
  /** Month and day ("MM-DD") when the entry names a date without a year and none is known. */
  monthDay?: string;
  /** Days after the timeline's first day, from "Day 2" / "Next day" markers, when there is no date. */
  day?: number;
  /** Time zone written with the entry ("UTC", "CEST", "+02:00"). */
  zone?: string;
  /** The hedge of an approximate time ("around", "~", "-ish"). */
  vague?: string;
  /** A relative time written instead of a clock time ("an hour or so later", "later that day"). */
  relative?: string;
  /** Days after the entry above it, from a marker after the time: "00:10 (+1 day)", "(next day)". */
  plusDays?: number;
  text: string;
  textSpan: Span;
  source?: string;
  /** Index into model.timelines. */
  timeline: number;
}

export interface Timeline {
  /** Index of the section holding it. */
  section: number;
  form: 'table' | 'list';
  /** Zone stated for the whole timeline (heading, table header or an "All times UTC" line). */
  zone?: string;
  /** The time column's header cell, for tables. */
  timeHeader?: Span;
  entries: TimelineEntry[];
}

export type ActionItemField = 'owner' | 'due' | 'ticket' | 'type' | 'priority' | 'status';

export interface ActionItem {
  /** The table row or the list item (its first line). */
  span: Span;
  text: string;
  textSpan: Span;
  form: 'table' | 'bullet';
  /** Raw values as written, with where they stand. An empty cell gives an empty string. */
  fields: Partial<Record<ActionItemField, { value: string; span: Span }>>;
  /** Task-list checkbox: true for [x], false for [ ], undefined when there is none. */
  checked?: boolean;
  /** Index into model.actionItemTables for table rows. */
  table?: number;
  /** Bullets: where the item's own text ends (end of its paragraph, before a trailing comment); fields are appended here. */
  contentEnd?: number;
}

export interface ActionItemTable {
  span: Span;
  /** Header cells with their recognised field (or 'action' / undefined). */
  columns: Array<{ title: string; field?: ActionItemField | 'action'; span: Span }>;
  /** The header row and the delimiter row. */
  headerRow: Span;
  delimiterRow: Span;
  rows: Span[];
  /** Cells of the header row and of each body row (a cell includes its leading pipe; the last one its trailing pipe). */
  headerCells?: Span[];
  rowCells?: Span[][];
}

export interface WhyStep {
  why?: { text: string; span: Span };
  answer?: { text: string; span: Span };
}

export interface FiveWhysChain {
  /** The subsection heading of the chain, when it has one. */
  heading?: { text: string; span: Span };
  problem?: { text: string; span: Span };
  steps: WhyStep[];
  /** The chain's conclusion: an explicit "Root cause:" line, else the last answer. */
  rootCause?: { text: string; span: Span };
  span: Span;
  section: number;
}

export interface Statement {
  text: string;
  span: Span;
  section: number;
}

export interface PostmortemModel {
  metadata: Metadata;
  /** First heading of depth 1 (or the front matter title). */
  title?: { text: string; span: Span };
  sections: Section[];
  timelines: Timeline[];
  actionItems: ActionItem[];
  actionItemTables: ActionItemTable[];
  fiveWhys: FiveWhysChain[];
  rootCauses: Statement[];
  contributingFactors: Statement[];
  /** People known from the document: roster in the metadata and action-item owners. */
  people: Person[];
  /** True when the text looks like a postmortem (front matter type, or a title naming one). */
  declaresPostmortem: boolean;
}

export interface AnalyzeOptions {
  /** Today's date as YYYY-MM-DD, for date rules. The core never reads the clock. */
  today?: string;
  /** Per-rule severity overrides; 'off' disables a rule. */
  rules?: Record<string, SeveritySetting>;
  /** Required sections in order (canonical kinds). Defaults to the standard template. */
  template?: SectionKind[];
  /** Documents larger than this many characters are not analysed (one notice instead). */
  maxSize?: number;
  /**
   * How long after the incident date an action item may be due, per severity: a number of days, or
   * 'quarter' for the end of the incident's calendar quarter. Defaults: SEV-1 14, SEV-2 28, SEV-3 'quarter', SEV-4 none.
   */
  actionItemWindows?: Partial<Record<'SEV-1' | 'SEV-2' | 'SEV-3' | 'SEV-4', number | 'quarter'>>;
  /** Options of individual rules (config `rules: { id: [severity, { ... }] }`), by rule id. */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** Extra headings that name a section kind (config `template.aliases`), compared like the built-in aliases. */
  sectionAliases?: Partial<Record<SectionKind, string[]>>;
  /** Phrases added to or removed from the blame and vague-wording lists (config `phrases`). */
  phrases?: { blame?: PhraseChanges; vague?: PhraseChanges };
  /**
   * Severity shaping by the postmortem's `status` (config `status`): while draft, warnings become hints;
   * once final, warnings become errors. Each is off unless set here (the config loader turns both on by default).
   */
  status?: { draftWarningsAsHints?: boolean; finalWarningsAsErrors?: boolean };
  /** Honour `<!-- postmortem-disable... -->` comments (default true). */
  inlineSuppressions?: boolean;
  /**
   * Which fixes to build (default true: all of them, as the editor's quick-fixes offer). 'preferred':
   * each finding carries only its preferred fix, if it has one (all that --fix applies, SARIF carries
   * and the CLI's summary counts), and rewrites after the first that reads are not tried. false: none,
   * and the rules skip the work of building them (some rewrites are read back with compromise, which
   * costs its loading and a parse per rewrite), for output that prints no fix (the CLI's json and
   * github). The findings themselves (rule, severity, message, range) are the same in every mode.
   */
  fixes?: boolean | 'preferred';
  /** People and not-people known from configuration (`people.roster`, `people.notPeople`). */
  people?: {
    /** Names of services and tools that look like people's names ("Jenkins", "Hermes"). */
    notPeople?: string[];
    /** Team members, with their role ("on-call engineer") used by rewrites. The roster wins over notPeople. */
    roster?: Person[];
  };
}

export interface AnalysisResult {
  model: PostmortemModel;
  findings: Finding[];
  /** Set when the document was skipped (too large, binary, or its analysis failed). */
  skipped?: string;
  /** True when the analysis itself failed (`skipped` says how). */
  failed?: boolean;
  /** Rule failures: a rule that threw is reported here and the other rules still run. */
  internalErrors: Array<{ rule: string; message: string }>;
  /**
   * Stretches of the text read as plain text because they exceed an input limit (core/engine/bound.ts), one
   * notice each: shown like the skipped notice (an information diagnostic, a line on stderr), never a finding.
   */
  notices?: Array<{ start: number; end: number; message: string }>;
  /** Findings silenced by suppression comments (core/engine/suppress.ts), kept for SARIF and for "unused" checks. */
  suppressed?: SuppressedFinding[];
}

export type SuppressionKind = 'disable-next-line' | 'disable' | 'disable-file';

/** A finding a `<!-- postmortem-disable... -->` comment silenced, with the comment that did it. */
export interface SuppressedFinding extends Finding {
  suppression: { kind: SuppressionKind; reason: string; span: Span };
}

/** Literal phrases added to or removed from a built-in list (never regular expressions). */
export interface PhraseChanges {
  add?: string[];
  remove?: string[];
}
