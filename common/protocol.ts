/**
 * The custom messages between the extension client and the postmortem language server.
 *
 * This module is imported by both sides (server/src/server.ts and client/src/**), so it may only
 * import `vscode-languageserver-protocol` (re-exported by both the client and the server packages)
 * and types. Positions are LSP positions: 0-based line, UTF-16 character.
 *
 * Naming: every method is `postmortem/<request>`; a doc comment on each says who sends it, who
 * answers and what for.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';

/** Settings under `postmortem.*` that the server reads (workspace/configuration, section "postmortem"). */
export interface PostmortemSettings {
  /** Globs of workspace-relative paths treated as postmortems (`postmortem.files`). */
  files: string[];
  /** Code lenses above the timeline and the action items (`postmortem.codeLens.enabled`). */
  codeLens: { enabled: boolean };
  /** Largest document analysed, in UTF-16 units (`postmortem.maxFileSize`); larger ones get one notice. */
  maxFileSize?: number;
}

export interface DocumentParams {
  /** The document's URI as the client sent it in textDocument/didOpen. */
  uri: string;
}

// ---------------------------------------------------------------------------------------------
// postmortem/sections
// ---------------------------------------------------------------------------------------------

export type TemplateSectionStatus = 'present' | 'missing' | 'empty';

/** One section of the postmortem template, in template order. */
export interface TemplateSectionInfo {
  /** Canonical kind ("root-causes"). */
  kind: string;
  /** Heading the template uses ("Root causes"). */
  title: string;
  /** `present` (with content), `empty` (heading only, or only comments), `missing`. */
  status: TemplateSectionStatus;
  /** Index into `SectionsResult.sections` of the section that fills this slot, when present. */
  section?: number;
  /** The heading line of that section. */
  headingRange?: Range;
  /** Findings inside that section (heading and body, subsections included). 0 when missing. */
  findings: number;
}

/** One heading of the document (the title excluded), in document order. */
export interface DocumentSectionInfo {
  /** Heading text as written, inline markup flattened. */
  title: string;
  /** Heading level, 1-6. */
  depth: number;
  /** Canonical kind when the heading is a known name for a template section. */
  kind?: string;
  /** Index of the enclosing section in the same list, or -1. */
  parent: number;
  headingRange: Range;
  /** Heading and body, up to the next heading of the same or a higher level. */
  range: Range;
  hasContent: boolean;
  /** Findings inside the section (heading and body, subsections included). */
  findings: number;
}

export interface SectionsResult {
  uri: string;
  /** Version of the document the answer was computed from. */
  version: number;
  /** False when the document is not treated as a postmortem; the lists are then empty. */
  isPostmortem: boolean;
  /** Set when the document was not analysed (too large, binary); the lists are then empty. */
  skipped?: string;
  title?: { text: string; range: Range };
  template: TemplateSectionInfo[];
  sections: DocumentSectionInfo[];
}

/**
 * `postmortem/sections` — sent by the client (the Sections tree view), answered by the server.
 * Returns the template sections in order with their status and finding counts, and every heading
 * of the document, for drawing the document's structure without parsing it in the client.
 * Answers `null` for a document the server does not have open.
 */
export const SectionsRequest = new RequestType<DocumentParams, SectionsResult | null, void>('postmortem/sections');

// ---------------------------------------------------------------------------------------------
// postmortem/fiveWhys
// ---------------------------------------------------------------------------------------------

export interface TextAt {
  text: string;
  range: Range;
}

export interface FiveWhysStepInfo {
  why?: TextAt;
  answer?: TextAt;
}

export interface FiveWhysChainInfo {
  /** The subsection heading of the chain, when it has one. */
  heading?: TextAt;
  problem?: TextAt;
  /** The why/answer pairs in order. */
  steps: FiveWhysStepInfo[];
  /** An explicit "Root cause:" line, else the last answer. */
  rootCause?: TextAt;
  range: Range;
  /** Title of the section holding the chain. */
  section?: string;
  /**
   * True when the chain's conclusion (root cause or last answer) is a human action or condition
   * ("human error", "a typo") rather than a condition of the system — a chain that stopped too
   * early. It mirrors the `human-error-root-cause` rule, so it is false while that rule is off.
   */
  endsInHumanAction: boolean;
}

export interface FiveWhysResult {
  uri: string;
  version: number;
  isPostmortem: boolean;
  /** Set when the document was not analysed (too large, binary); `chains` is then empty. */
  skipped?: string;
  chains: FiveWhysChainInfo[];
}

/**
 * `postmortem/fiveWhys` — sent by the client (the 5 Whys tree view), answered by the server.
 * Returns the document's 5 Whys chains: problem, ordered why/answer steps and root cause, with
 * ranges for revealing them. Answers `null` for a document the server does not have open.
 */
export const FiveWhysRequest = new RequestType<DocumentParams, FiveWhysResult | null, void>('postmortem/fiveWhys');

// ---------------------------------------------------------------------------------------------
// postmortem/checkFile
// ---------------------------------------------------------------------------------------------

export interface CheckFileResult {
  /** False when the server does not have the document open yet (it is opted in and checked once opened). */
  checked: boolean;
  /** Findings published for the document after opting it in. */
  findings: number;
  /** Set when the document was not analysed (too large, binary). */
  skipped?: string;
}

/**
 * `postmortem/checkFile` — sent by the client (command "Postmortem: Check This File"), answered by
 * the server. Treats the document as a postmortem for the rest of the session, whatever
 * `postmortem.files` and its content say, and publishes its diagnostics before answering.
 */
export const CheckFileRequest = new RequestType<DocumentParams, CheckFileResult, void>('postmortem/checkFile');

// ---------------------------------------------------------------------------------------------
// postmortem/quality
// ---------------------------------------------------------------------------------------------

export type QualityGradeInfo = 'good' | 'fair' | 'poor' | 'absent';

export interface QualityDimensionInfo {
  /** 'timeline' | 'root-cause' | 'action-items' | 'blamelessness' | 'follow-through'. */
  id: string;
  /** "Timeline completeness". */
  label: string;
  /** good: nothing to improve; fair: one or two things; poor: an error, or three things or more; absent: nothing written yet. */
  grade: QualityGradeInfo;
  /** Findings of the dimension's rules. */
  findings: number;
  /** One line: what was counted and what is missing ("9 entries · no resolution entry · 1 finding"). */
  summary: string;
}

export interface QualityResult {
  uri: string;
  version: number;
  isPostmortem: boolean;
  /** Set when the document was not analysed (too large, binary); `dimensions` is then empty. */
  skipped?: string;
  /** The five dimensions in a fixed order: timeline, root cause, action items, blamelessness, follow-through. */
  dimensions: QualityDimensionInfo[];
  /** Dimensions graded good. */
  good: number;
  /** All findings of the document. */
  findings: number;
  /** Findings shown as hints while the status is draft (sections, metadata, ticket, type, due not written yet). */
  softened?: number;
}

/**
 * `postmortem/quality` — sent by the client (the language status item), answered by the server.
 * A short quality summary of the postmortem on five dimensions, each graded from the findings of
 * its rule family (features/quality.ts). Answers `null` for a document the server does not have open.
 */
export const QualityRequest = new RequestType<DocumentParams, QualityResult | null, void>('postmortem/quality');

// ---------------------------------------------------------------------------------------------
// Edits for the views: postmortem/askWhyAgain, postmortem/insertSection
// ---------------------------------------------------------------------------------------------

/** Edits to one document, computed on the server for the version it names. */
export interface DocumentEditResult {
  uri: string;
  /** The version the edits apply to; the client applies them only to that version. */
  version: number;
  edits: TextEdit[];
  /** Where the cursor goes after the edits are applied (in the edited document). */
  cursor: Position;
}

export interface AskWhyAgainParams extends DocumentParams {
  /** Index of the chain in `FiveWhysResult.chains`. */
  chain: number;
  /** The version the client's chain list came from; a different current version answers `null`. */
  version?: number;
}

/**
 * `postmortem/askWhyAgain` — sent by the client (the 5 Whys view's "Ask why again"), answered by the
 * server. The edit that adds the chain's next "Why N" question and an answer line below its last answer,
 * in the chain's own style. `null` when the document is not open or not a postmortem, the chain does not
 * exist, or the document changed since the client's version.
 */
export const AskWhyAgainRequest = new RequestType<AskWhyAgainParams, DocumentEditResult | null, void>('postmortem/askWhyAgain');

export interface InsertSectionParams extends DocumentParams {
  /** Canonical kind of the template section ("impact"), as in `TemplateSectionInfo.kind`. */
  kind: string;
}

/**
 * `postmortem/insertSection` — sent by the client (the Sections view's "Insert section"), answered by
 * the server. The section-missing rule's fix for that section: its heading and one-line prompt at its
 * place in the template. `null` when the document is not a postmortem or already has the section.
 */
export const InsertSectionRequest = new RequestType<InsertSectionParams, DocumentEditResult | null, void>('postmortem/insertSection');

// ---------------------------------------------------------------------------------------------
// Learning across postmortems: postmortem/actionItems, postmortem/report, postmortem/similar,
// postmortem/indexChanged (server/src/workspace/)
// ---------------------------------------------------------------------------------------------

/** A postmortem of the workspace index, as the views name it. */
export interface PostmortemRefInfo {
  uri: string;
  title: string;
  /** Path relative to its workspace folder. */
  path: string;
  /** Incident date (YYYY-MM-DD), when it can be read. */
  date?: string;
}

/** Where an item stands today: see review/actionItemStatus.ts. */
export type ActionItemBucketInfo = 'overdue' | 'soon' | 'open' | 'done';

export interface ActionItemInfo {
  /** The item's text, markup removed. */
  text: string;
  /** The owner as written; absent when nobody is named. */
  owner?: string;
  /** The due value as written. */
  due?: string;
  /** The due date resolved against the incident date. */
  dueDate?: string;
  status: 'done' | 'open' | 'unknown';
  bucket: ActionItemBucketInfo;
  type?: string;
  ticket?: string;
  postmortem: PostmortemRefInfo;
  /** The item's row or first line in its postmortem. */
  range: Range;
}

export interface ActionItemsResult {
  /** The date buckets were computed for (YYYY-MM-DD). */
  today: string;
  /** True while the index is still reading the workspace; the list may grow. */
  indexing: boolean;
  /** Postmortems in the index. */
  postmortems: number;
  /** Every action item of every indexed postmortem, by postmortem path then line. */
  items: ActionItemInfo[];
}

/**
 * `postmortem/actionItems` — sent by the client (the Action Items view), answered by the server from
 * its workspace index: every action item of every postmortem in the workspace folders, with its
 * owner, due date, status and bucket (overdue / due within 14 days / open / done) as of today.
 */
export const ActionItemsRequest = new RequestType<Record<string, never>, ActionItemsResult, void>('postmortem/actionItems');

export interface ReportParams {
  /** Only postmortems of incidents on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Only postmortems of incidents on or before this day (YYYY-MM-DD). */
  until?: string;
}

export interface ReportResult {
  /** The report as a Markdown page; links to postmortems are their URIs. */
  markdown: string;
  /** The figures, as `postmortem-lint report --format json` prints them (review/build.ts `ReportData`). */
  data: unknown;
  indexing: boolean;
}

/**
 * `postmortem/report` — sent by the client (command "Postmortem: Show Report"), answered by the server:
 * the review of the workspace's postmortems that `postmortem-lint report` prints, built from the
 * workspace index.
 */
export const ReportRequest = new RequestType<ReportParams, ReportResult, void>('postmortem/report');

export interface SimilarParams extends DocumentParams {
  position: Position;
}

export interface SimilarIncidentInfo {
  postmortem: PostmortemRefInfo;
  /** Word stems shared with the statements asked about. */
  terms: string[];
  /** The postmortem's contributing factors and root causes that matched, best first. */
  matches: Array<{ text: string; kind: 'contributing factor' | 'root cause'; range: Range }>;
}

export interface SimilarResult {
  /** The statements asked about: the one at the position, or every one of its section. */
  query: string;
  similar: SimilarIncidentInfo[];
}

/**
 * `postmortem/similar` — sent by the client, answered by the server (which also shows the answer in
 * hovers and code lenses): earlier postmortems of the workspace whose contributing factors or root
 * causes are like the one at `position` (or like all of its section's when the position is in the
 * Contributing factors or Root causes section but on no statement). `null` when the position is in
 * neither section or the document is not an open postmortem.
 */
export const SimilarRequest = new RequestType<SimilarParams, SimilarResult | null, void>('postmortem/similar');

export interface IndexChangedParams {
  postmortems: number;
  indexing: boolean;
}

/**
 * `postmortem/indexChanged` — sent by the server when the workspace index changed (a run finished, a
 * postmortem was added, changed or deleted); the client's Action Items view asks again.
 */
export const IndexChangedNotification = new NotificationType<IndexChangedParams>('postmortem/indexChanged');
