/**
 * Cheap test of whether a Markdown text declares itself a postmortem, without parsing it:
 * front matter with `type: postmortem` (or incident-review / incident-report) or `postmortem: true`,
 * or a first heading that is unmistakably a postmortem's title ("Postmortem: …", "… incident review"),
 * or one that merely mentions postmortems followed by at least two postmortem sections (Summary, Impact,
 * Timeline, Root causes, Action items …), so a README titled "Postmortem Writer" is not taken for one.
 */
import { sectionKindOf } from '../data/sections';
const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const TYPE_LINE = /^(?:type|kind|doc_?type)[ \t]*:[ \t]*["']?(?:post-?mortem|incident[ _-]?(?:review|report|retrospective)|retrospective)["']?[ \t]*$/im;
const FLAG_LINE = /^post-?mortem[ \t]*:[ \t]*(?:true|yes)[ \t]*$/im;
/** A title that is unmistakably a postmortem's: "Postmortem: …", "Incident review — …", "… post-mortem", "Post-mortem of …". */
const STRONG_TITLE =
  /^(?:\[?SEV-?\d\]?\s*)?(?:post[- ]?mortem|incident (?:review|report|retrospective|analysis)|post[- ]incident review|RCA)\s*(?:[:\u2014\u2013|-]|for\b|of\b|on\b)|\b(?:post[- ]?mortem|incident (?:review|report))\s*$/i;
const TITLE_WORDS = /\b(?:post[- ]?mortem|incident (?:review|report|retrospective|analysis)|post[- ]incident review|retrospective|\bRCA\b)/i;

export function isPostmortemText(text: string): boolean {
  const head = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const fm = FRONT_MATTER.exec(head);
  if (fm && (TYPE_LINE.test(fm[1]) || FLAG_LINE.test(fm[1]))) return true;
  const body = fm ? head.slice(fm[0].length) : head;
  let inFence = false;
  let titled: boolean | undefined;
  const kinds = new Set<string>();
  for (const line of body.split(/\r\n|\r|\n/)) {
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const m = /^ {0,3}#{1,6}[ \t]+(?![ \t])(.*)$/.exec(line);
    if (!m) continue;
    if (titled === undefined) {
      titled = TITLE_WORDS.test(m[1]);
      if (!titled) return false;
      if (STRONG_TITLE.test(m[1].trim())) return true;
      continue;
    }
    const kind = sectionKindOf(m[1]);
    if (kind && kind !== 'supporting-information') kinds.add(kind);
    if (kinds.size >= 2) return true;
  }
  return false;
}
