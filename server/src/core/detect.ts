/**
 * Cheap test of whether a Markdown text declares itself a postmortem, without parsing it:
 * front matter with `type: postmortem` (or incident-review / incident-report) or `postmortem: true`,
 * or a first heading that names a postmortem, incident review or incident report.
 */
const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const TYPE_LINE = /^(?:type|kind|doc_?type)[ \t]*:[ \t]*["']?(?:post-?mortem|incident[ _-]?(?:review|report|retrospective)|retrospective)["']?[ \t]*$/im;
const FLAG_LINE = /^post-?mortem[ \t]*:[ \t]*(?:true|yes)[ \t]*$/im;
const TITLE_WORDS = /\b(?:post[- ]?mortem|incident (?:review|report|retrospective|analysis)|post[- ]incident review|retrospective|\bRCA\b)/i;

export function isPostmortemText(text: string): boolean {
  const head = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const fm = FRONT_MATTER.exec(head);
  if (fm && (TYPE_LINE.test(fm[1]) || FLAG_LINE.test(fm[1]))) return true;
  const body = fm ? head.slice(fm[0].length) : head;
  let inFence = false;
  for (const line of body.split(/\r\n|\r|\n/)) {
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const m = /^ {0,3}#{1,6}[ \t]+(.*)$/.exec(line);
    if (m) return TITLE_WORDS.test(m[1]);
  }
  return false;
}
