/**
 * Generators (fast-check) of hostile postmortem-shaped Markdown, shared by the robustness and the
 * fix-safety properties: front matter (valid, broken, huge, duplicate keys, tabs, anchors and aliases),
 * tables with missing or extra cells, unclosed fences, nesting, CRLF/CR, BOM, astral-plane, combining
 * and right-to-left text, NUL bytes and 10k-character lines.
 */
import fc from 'fast-check';

export const frontMatter = fc.oneof(
  fc.constant('---\ntitle: Cache stampede\ndate: 2026-03-01\nseverity: SEV-2\nstatus: draft\nauthors: [Ana Ruiz]\n---\n'),
  fc.constant('---\ntitle: [unclosed\n---\n'),
  fc.constant('---\nseverity: SEV-1\nseverity: SEV-2\n---\n'),
  fc.constant('---\n\tdate: 2026-01-01\n---\n'),
  fc.constant('---\nbase: &b {x: 1}\nother: *b\nlist: &l [1, 2]\nmore: [*l, *l]\n---\n'),
  fc.constant(
    '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n',
  ),
  fc.constant('---\n' + 'k: v\n'.repeat(300) + '---\n'),
  fc.constant('---\n'),
  fc.constant(''),
);

export const oddText = fc.oneof(
  fc.constant('Ünïcödé — “quotes” and ‘single’ ones'),
  fc.constant('emoji 🔥🚒 and astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢'),
  fc.constant('combining e\u0301 a\u0308 and ZWJ 👩\u200d💻'),
  fc.constant('right-to-left עברית العربية mixed'),
  fc.constant('NUL \u0000 inside'),
  fc.constant('x'.repeat(10_000)),
  fc.constant('lone surrogate \ud83d here'),
  fc.string({ maxLength: 40 }),
  fc.constant('The on-call engineer should have failed to check; careless!!'),
  fc.constant('Marco failed to tell anyone. Human error. Obviously.'),
);

export const block = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('# ', '## ', '### ', '#### '),
      fc.constantFrom('Summary', 'Impact', 'Timeline (UTC)', 'Root causes', '5 Whys', 'Action items', 'What went poorly', 'Lessons', 'Notes'),
    )
    .map(([h, t]) => h + t),
  oddText,
  oddText.map((t) => `- ${t}`),
  oddText.map((t) => `1. Why? Because ${t}`),
  fc.constant('| Time | Event |\n|---|---|\n| 10:00 | start |\n| 09:00 | earlier | extra | cells |\n| broken'),
  fc.constant('| Action | Owner | Due |\n|---|---|---|\n| Improve monitoring | | TBD |\n| Add a lock | @ravi |'),
  fc.constant('```\n# not a heading\nunclosed fence'),
  fc.constant('<!-- postmortem-disable-next-line blame-language -- quoted\n'),
  fc.constant('> > > > > > deep quote should have'),
  fc.constant('- a\n  - b\n    - c\n      - d\n        - e\n          - f should have'),
  fc.constant('- [ ] Look into it — ? — TBD'),
  fc.constant('**Date:** 31/02/2026\n**Severity:** Sev 9'),
  fc.constant('<div>\n# html\n</div>'),
  fc.constant('[ref]: http://example.invalid\n[ref]'),
);

export const eol = fc.constantFrom('\n', '\r\n', '\r');

export const document = fc
  .tuple(fc.boolean(), frontMatter, fc.array(block, { maxLength: 14 }), eol)
  .map(([bom, fm, blocks, nl]) => ((bom ? '\uFEFF' : '') + fm + blocks.join('\n\n')).replace(/\r\n|\r|\n/g, nl));
