/**
 * Patterns recheck finds super-linear that stay as they are, each with its reason; keys are
 * `/source/flags`. Read by regex-budget.test.ts, which runs recheck without wall-clock cuts (its
 * verdicts are the same on any machine) and fails on any flagged pattern not listed here, and on an
 * entry whose pattern is gone.
 *
 * Two kinds of entry: a pattern that never sees user input (its reason says what it reads), and a
 * pattern not yet rewritten ("not yet rewritten": reached from document text and bounded end to end
 * only by test/core/attack-growth.test.ts). The second kind is debt: rewrite each linearly (no nested
 * or adjacent unbounded quantifiers over the same characters; see core/language/regexp.ts for linear helpers),
 * with a property test against the old pattern, and remove its entry.
 */
export const REGEX_EXEMPTIONS = new Map<string, string>([
  [
    '/^[ \\t]*(?:[-*+][ \\t]+)?(?:\\*\\*|__)([^*_\\n]{1,40}?)(?::[ \\t]*(?:\\*\\*|__)|(?:\\*\\*|__)[ \\t]*:)[ \\t]*(.*?)[ \\t]*$/',
    "core/extract/metadata.ts:240: not yet rewritten; recheck (strict) finds polynomial degree 2; attack '__:**:\\x00' + '\\t'.repeat(54773) + '\\x00'. Reached from document text; bounded end to end only by test/core/attack-growth.test.ts (every attack kind in every part of a postmortem stays within 6x from n to 4n). Rewrite it linearly.",
  ],
  [
    "/^([\\p{L}][\\p{L}\\p{N} '’/&?-]{1,48}?)\\s*:(?=\\s|$)/u",
    "core/extract/sections.ts:24: not yet rewritten; recheck (strict) finds polynomial degree 2; attack 'AA' + ' '.repeat(31668) + ' ' + ' '.repeat(31626) + ' '.repeat(31668) + ' AAA A'. Reached from document text; bounded end to end only by test/core/attack-growth.test.ts (every attack kind in every part of a postmortem stays within 6x from n to 4n). Rewrite it linearly.",
  ],
  [
    '/\\b(?:(?:all\\s+)?(?:times?|timestamps?|clock times?)(?:\\s+(?:below|above|here|shown|listed|given|used|quoted|in this (?:document|report|postmortem|timeline|section)))?(?:\\s*(?:are|is))?(?:\\s+(?:shown|given|listed|expressed|written))?(?:\\s+(?:in|as))?|time[\\s-]?zone(?:\\s+(?:is|used))?)\\s*[:=—–-]?\\s*(?:the\\s+)?$/i',
    "core/extract/timeline.ts:294: not yet rewritten; recheck (strict) finds polynomial degree 2; attack 'TIME ' + ' \\t'.repeat(38730) + 'N'. Reached from document text; bounded end to end only by test/core/attack-growth.test.ts (every attack kind in every part of a postmortem stays within 6x from n to 4n). Rewrite it linearly.",
  ],
  [
    '/^\\s*(?:\\*\\*|__)?\\s*(?:category\\s*:\\s*)?([\\p{L}][\\p{L}&/ -]{1,30}?)\\s*(?:\\*\\*|__)?\\s*(?::|\\s[—–]\\s)(?:\\s*(?:\\*\\*|__))?\\s+(\\S.*)$/su',
    "review/factors.ts:61: not yet rewritten; recheck (strict) finds polynomial degree 2; attack 'AA ' + ' '.repeat(54773) + '*'. Reached from document text; bounded end to end only by test/core/attack-growth.test.ts (every attack kind in every part of a postmortem stays within 6x from n to 4n). Rewrite it linearly.",
  ],
  [
    '/^\\s*(?:\\*\\*|__)?\\s*category\\s*:\\s*([\\p{L}][\\p{L}&/ -]{0,30}?)\\s*(?:\\*\\*|__)?\\s*(?:[:—–]|\\s-\\s|$)/iu',
    "review/factors.ts:78: not yet rewritten; recheck (strict) finds polynomial degree 2; attack 'category:agryyra' + '  '.repeat(38730) + '\\x00'. Reached from document text; bounded end to end only by test/core/attack-growth.test.ts (every attack kind in every part of a postmortem stays within 6x from n to 4n). Rewrite it linearly.",
  ],
  [
    '/[([]\\s*category\\s*:\\s*([\\p{L}][\\p{L}&/ -]{0,30}?)\\s*[)\\]]/iu',
    "review/factors.ts:79: not yet rewritten; recheck (strict) finds polynomial degree 2; attack '(category:o&gr &o' + '  '.repeat(38730) + '\\x00'. Reached from document text; bounded end to end only by test/core/attack-growth.test.ts (every attack kind in every part of a postmortem stays within 6x from n to 4n). Rewrite it linearly.",
  ],
  [
    '/^[ \\t]*(?:#{1,6}[ \\t]+)?(?:[-*+][ \\t]+)?(?:\\*\\*|__)?([A-Za-z][A-Za-z /-]{0,30}?)(?:\\*\\*|__)?[ \\t]*(?::|(?:\\*\\*|__)[ \\t]*:)/',
    "core/rules/metadata-missing.ts:34: not yet rewritten; recheck (strict) finds polynomial degree 2; attack 'A--' + ' '.repeat(54773) + '\\x00'. Reached from document text; bounded end to end only by test/core/attack-growth.test.ts (every attack kind in every part of a postmortem stays within 6x from n to 4n). Rewrite it linearly.",
  ],
  [
    '/^([ \\t]*(?:#{1,6}[ \\t]+)?(?:[-*+][ \\t]+)?)((?:\\*\\*|__)?)([^*_:\\n]+)(:?)((?:\\*\\*|__)?)(:?)([ \\t]*)(.*?)((?:[ \\t]{2,}|\\\\)?)$/',
    "core/rules/metadata-missing.ts:71: not yet rewritten; recheck (strict) finds polynomial degree 5; attack '#\\t' + '\\t'.repeat(130) + '\\t#' + '\\t'.repeat(130) + '\\t'.repeat(130) + '\\t__' + '\\t\\t'.repeat(130) + '\\t\\r'. Reached from document text; bounded end to end only by test/core/attack-growth.test.ts (every attack kind in every part of a postmortem stays within 6x from n to 4n). Rewrite it linearly.",
  ],
  [
    '/^\\s*\\|?\\s*:?-+:?\\s*(?:\\|\\s*:?-+:?\\s*)+\\|?\\s*$|^\\s*\\|\\s*:?-+:?\\s*\\|\\s*$/',
    "core/engine/suppress.ts:247: not yet rewritten; recheck (strict) finds polynomial degree 3; attack '\\t' + '\\t'.repeat(1651) + '-|-\\t' + '\\t'.repeat(1651) + '\\t-'. Reached from document text; bounded end to end only by test/core/attack-growth.test.ts (every attack kind in every part of a postmortem stays within 6x from n to 4n). Rewrite it linearly.",
  ],
  [
    '/<!--[ \\t]*postmortem-(disable-next-line|disable-file|disable|enable)(?=[\\s,]|-->)([\\s\\S]*?)-->/g',
    "core/engine/suppress.ts:39: not yet rewritten; recheck (strict) finds polynomial degree 2; attack '<!--postmortem-enable\\n'.repeat(11678). Reached from document text; bounded end to end only by test/core/attack-growth.test.ts (every attack kind in every part of a postmortem stays within 6x from n to 4n). Rewrite it linearly.",
  ],
  [
    '/^##\\s+(.+?)\\s*#*\\s*$/',
    "server/src/lsp/ruleDocs.ts: reads only the project's own rule pages (docs/rules/*.md, bundled with the extension), never a document or a setting; recheck is right that it is super-linear on crafted text, which cannot reach it.",
  ],
  [
    '/(?<![\\p{L}])(owners?|assignee|assigned to|dri|due(?: date| by| on)?|deadline|target(?: date)?|eta|tickets?|tracking|issue|jira|type|kind|category|priority|prio|status|state)(?:\\s*[:=]\\s*|\\s+(?=\\d{4}-\\d{2}-\\d{2}))([^,;()\\n|—–]{0,300}?)(?=\\s*(?:[,;)\\n|—–]|\\.\\s|\\.$|$)|\\s*(?<=[\\s:])(?:owners?|assignee|assigned to|dri|due(?: date| by| on)?|deadline|target(?: date)?|eta|tickets?|tracking|issue|jira|type|kind|category|priority|prio|status|state)\\s*:)/giu',
    "runtime core/extract/actionItems.ts:314: not yet rewritten; recheck (strict) finds polynomial degree 4; attack 's' + 'eta=:'.repeat(292) + '('. Reached from document text; bounded end to end only by test/core/attack-growth.test.ts (every attack kind in every part of a postmortem stays within 6x from n to 4n). Rewrite it linearly.",
  ],
]);
