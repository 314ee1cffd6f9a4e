/**
 * The text of a new postmortem, for the command "Postmortem: New Postmortem". Built from the section
 * data (data/sections.ts), so its headings are exactly the titles the checks look for and its
 * prompts are the ones the insert-section fix writes. Pure: the caller passes the date.
 */
import { DEFAULT_TEMPLATE, SECTION_INFO } from '../core/data/sections';
import type { SectionKind } from '../core/types';

export const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'] as const;
export type SeverityLevel = (typeof SEVERITIES)[number];

export interface NewPostmortem {
  title: string;
  severity: SeverityLevel;
  /** Incident date, YYYY-MM-DD. */
  date: string;
  /** Authors' names; with none the `authors` key is left out (metadata-missing then offers to add it). */
  authors?: string[];
  /** Sections in order (canonical kinds); defaults to the standard template. */
  template?: readonly SectionKind[];
  /** Line break to use; defaults to "\n". */
  eol?: string;
}

export interface TemplateText {
  text: string;
  /** Offset of the empty line in the Summary where the author starts writing. */
  cursor: number;
}

/** A YAML scalar for a free-text value: plain when that reads back unchanged, else double-quoted. */
export function yamlString(s: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} ,.()/'’+&-]*$/u.test(s) && !/:\s|\s#|\s$/.test(s) && !/^(?:true|false|yes|no|on|off|null|~|\d[\d.eE+-]*)$/i.test(s);
  return plain ? s : JSON.stringify(s);
}

/** What goes under a section heading besides its prompt: the tables whose header the checks read. */
const BODY: Partial<Record<SectionKind, string[]>> = {
  timeline: ['| Time (UTC) | Event | Source |', '| --- | --- | --- |'],
  'action-items': ['| Action | Type | Priority | Owner | Due | Ticket |', '| --- | --- | --- | --- | --- | --- |'],
};

/** The full postmortem: front matter, the title, and every template section with its prompt as a comment. */
export function postmortemTemplate(p: NewPostmortem): TemplateText {
  const eol = p.eol ?? '\n';
  const title = p.title.replace(/\s+/g, ' ').trim() || 'Untitled incident';
  const authors = (p.authors ?? []).map((a) => a.trim()).filter(Boolean);
  const lines: string[] = [
    '---',
    `title: ${yamlString(title)}`,
    `date: ${p.date}`,
    `severity: ${p.severity}`,
    'status: draft',
    ...(authors.length ? ['authors:', ...authors.map((a) => `  - ${yamlString(a)}`)] : []),
    'type: postmortem',
    '---',
    '',
    `# ${title}`,
  ];
  let cursorLine = -1;
  for (const kind of p.template ?? DEFAULT_TEMPLATE) {
    const info = SECTION_INFO.get(kind);
    if (!info) continue;
    lines.push('', `## ${info.title}`, '', `<!-- ${info.prompt} -->`);
    const body = BODY[kind];
    if (body) lines.push('', ...body);
    else {
      if (kind === 'summary' && cursorLine < 0) cursorLine = lines.length;
      lines.push('');
    }
  }
  const text = lines.join(eol) + (lines[lines.length - 1] === '' ? '' : eol);
  // The cursor goes on the empty line below the Summary prompt (or at the end without a Summary).
  let cursor = text.length;
  if (cursorLine >= 0) cursor = lines.slice(0, cursorLine).reduce((n, l) => n + l.length + eol.length, 0);
  return { text, cursor };
}
