/**
 * Suppression comments (core/engine/suppress.ts, applied at the end of analyze()) in every form,
 * their accountability rules, and status severity shaping.
 */
import { strict as assert } from 'node:assert';
import { analyze, LineIndex, RULES, type AnalyzeOptions, type SeveritySetting } from '../../core';
import { applyEdits } from '../helpers/edits';

const BLAME = 'The on-call engineer should have rolled back the release.';

/** Every rule off except these. */
function only(ids: string[], extra: AnalyzeOptions = {}): AnalyzeOptions {
  const rules: Record<string, SeveritySetting> = {};
  for (const r of RULES) if (!ids.includes(r.id)) rules[r.id] = 'off';
  return { today: '2026-11-23', ...extra, rules: { ...rules, ...extra.rules } };
}

const ALL = ['blame-language', 'suppression-unused', 'suppression-reason-missing'];

function run(text: string, opts = only(ALL)) {
  const res = analyze(text, opts);
  const lines = new LineIndex(text);
  const line = (o: number) => lines.position(o).line + 1;
  return {
    res,
    found: res.findings.map((f) => `${line(f.start)}:${f.rule}`),
    suppressed: (res.suppressed ?? []).map((f) => `${line(f.start)}:${f.rule}:${f.suppression.kind}`),
  };
}

function doc(...body: string[]): string {
  return ['# Postmortem: release rollback delayed', '', ...body, ''].join('\n');
}

describe('suppression comments', () => {
  it('without a comment, the finding is reported (the baseline the other tests silence)', () => {
    const r = run(doc(BLAME));
    assert.deepEqual(r.found, ['3:blame-language']);
  });

  it('disable-next-line silences the rule on the next line only', () => {
    const r = run(doc('<!-- postmortem-disable-next-line blame-language -- quoted from the handover note -->', BLAME, '', BLAME));
    assert.deepEqual(r.found, ['6:blame-language']);
    assert.deepEqual(r.suppressed, ['4:blame-language:disable-next-line']);
    assert.equal(r.res.suppressed![0].suppression.reason, 'quoted from the handover note');
  });

  it('disable-next-line survives a blank line a formatter inserts after it', () => {
    const r = run(doc('<!-- postmortem-disable-next-line blame-language -- quoted -->', '', BLAME));
    assert.deepEqual(r.found, []);
    assert.deepEqual(r.suppressed, ['5:blame-language:disable-next-line']);
  });

  it('disable-next-line comments can be stacked', () => {
    const text = doc(
      '<!-- postmortem-disable-next-line blame-language -- quoted -->',
      '<!-- postmortem-disable-next-line suppression-reason-missing, blame-language -- second comment for the same line -->',
      BLAME,
    );
    const r = run(text);
    // The second comment names an accountability rule, which comments never silence: reported as unused.
    assert.deepEqual(r.suppressed, ['5:blame-language:disable-next-line']);
    assert.deepEqual(r.found, ['4:suppression-unused']);
  });

  it('disable-next-line only silences the rules it names', () => {
    const r = run(doc('<!-- postmortem-disable-next-line section-missing -- not this rule -->', BLAME), only([...ALL, 'section-missing']));
    assert.ok(r.found.includes('4:blame-language'), r.found.join(' '));
  });

  it('a comment with no rule id silences every rule (and still needs a reason)', () => {
    const r = run(doc('<!-- postmortem-disable-next-line -->', BLAME));
    assert.deepEqual(r.suppressed, ['4:blame-language:disable-next-line']);
    assert.deepEqual(r.found, ['3:suppression-reason-missing']);
  });

  it('disable ... enable silences a range, and text after enable is checked again', () => {
    const r = run(
      doc(
        '<!-- postmortem-disable blame-language -- the chat log below is quoted -->',
        '',
        BLAME,
        '',
        BLAME,
        '',
        '<!-- postmortem-enable blame-language -->',
        '',
        BLAME,
      ),
    );
    assert.deepEqual(r.suppressed, ['5:blame-language:disable', '7:blame-language:disable']);
    assert.deepEqual(r.found, ['11:blame-language']);
  });

  it('disable without enable runs to the end of the file; enable without ids ends every range', () => {
    const open = run(doc(BLAME, '<!-- postmortem-disable blame-language -- quoted to the end -->', '', BLAME, '', BLAME));
    assert.deepEqual(open.found, ['3:blame-language']);
    assert.equal(open.suppressed.length, 2);
    const all = run(doc('<!-- postmortem-disable -- quoted -->', '', BLAME, '', '<!-- postmortem-enable -->', '', BLAME));
    assert.deepEqual(all.suppressed, ['5:blame-language:disable']);
    assert.deepEqual(all.found, ['9:blame-language']);
  });

  it('disable-file silences the rule everywhere, wherever the comment stands', () => {
    const r = run(doc(BLAME, '', BLAME, '', '<!-- postmortem-disable-file blame-language -- the whole review quotes the chat -->'));
    assert.deepEqual(r.found, []);
    assert.deepEqual(r.suppressed, ['3:blame-language:disable-file', '5:blame-language:disable-file']);
  });

  it('disable-file silences findings on line 1 (front matter and title), where no comment can go above', () => {
    const text = [
      '---',
      'title: Queue stall',
      'date: 2026-13-40',
      '---',
      '',
      '# Queue stall',
      '',
      '<!-- postmortem-disable-file section-missing -- a short review -->',
      '',
    ].join('\n');
    const r = run(text, only([...ALL, 'section-missing', 'metadata-invalid']));
    assert.ok(r.suppressed.length > 0 && r.suppressed.every((s) => s.startsWith('1:section-missing')), r.suppressed.join(' '));
    assert.ok(
      r.found.some((f) => f.endsWith(':metadata-invalid')),
      'other rules still report',
    );
    assert.ok(!r.found.some((f) => f.endsWith(':section-missing')));
  });

  it('a comment at the end of a line silences the next line, not its own', () => {
    const r = run(doc(`${BLAME} <!-- postmortem-disable-next-line blame-language -- about the next line -->`, BLAME));
    assert.deepEqual(r.found, ['3:blame-language']);
    assert.deepEqual(r.suppressed, ['4:blame-language:disable-next-line']);
  });

  it('a comment inside a code block is not a directive', () => {
    const r = run(doc('```markdown', '<!-- postmortem-disable-file blame-language -- example -->', '```', '', BLAME));
    assert.deepEqual(r.found, ['7:blame-language']);
  });

  it('accepts commas or spaces between ids, and takes the reason after " -- "', () => {
    const r = run(doc('<!-- postmortem-disable-next-line blame-language   suppression-unused -- quoted -- verbatim -->', BLAME));
    assert.equal(r.res.suppressed?.[0].suppression.reason, 'quoted -- verbatim');
    // suppression-unused cannot be silenced, so that id silenced nothing.
    assert.deepEqual(r.found, ['3:suppression-unused']);
  });

  it('can be switched off with inlineSuppressions: false', () => {
    const r = run(doc('<!-- postmortem-disable-next-line blame-language -- quoted -->', BLAME), { ...only(ALL), inlineSuppressions: false });
    assert.deepEqual(r.found, ['4:blame-language']);
    assert.deepEqual(r.suppressed, []);
  });
});

describe('suppression-reason-missing and suppression-unused', () => {
  it('report a comment with no reason, and an empty reason', () => {
    const r = run(doc('<!-- postmortem-disable-next-line blame-language -->', BLAME, '', '<!-- postmortem-disable-next-line blame-language -- -->', BLAME));
    assert.deepEqual(r.found, ['3:suppression-reason-missing', '6:suppression-reason-missing']);
    const f = r.res.findings[0];
    assert.equal(f.severity, 'hint');
    assert.ok(f.fixes?.[0].snippet, 'the reason fix is an editor snippet');
  });

  it('report a comment that silences nothing, an unknown id and an enable that ends nothing', () => {
    const r = run(
      doc(
        '<!-- postmortem-disable-next-line blame-language -- nothing below to silence -->',
        'The deploy pipeline retried the release twice.',
        '',
        '<!-- postmortem-disable-next-line blame-langauge -- misspelt -->',
        BLAME,
        '',
        '<!-- postmortem-enable blame-language -->',
      ),
    );
    assert.deepEqual(r.found, ['3:suppression-unused', '6:suppression-unused', '7:blame-language', '9:suppression-unused']);
    assert.match(r.res.findings[1].message, /"blame-langauge" is not a rule id/);
  });

  it('report the one unused id of a comment whose other id is used, on that id', () => {
    const text = doc('<!-- postmortem-disable-next-line blame-language, section-missing -- quoted -->', BLAME);
    const r = run(text, only([...ALL, 'section-missing']));
    const unused = r.res.findings.filter((f) => f.rule === 'suppression-unused');
    assert.equal(unused.length, 1);
    assert.equal(text.slice(unused[0].start, unused[0].end), 'section-missing');
    const e = unused[0].fixes![0].edits[0];
    assert.equal(applyEdits(text, [e]), doc('<!-- postmortem-disable-next-line blame-language -- quoted -->', BLAME));
  });

  it('do not report a comment for a rule that is switched off', () => {
    const r = run(doc('<!-- postmortem-disable-next-line section-missing -- kept for teams that use the rule -->', 'Text.'));
    assert.deepEqual(r.found, []);
  });

  it('follow the configured severity, and can be switched off', () => {
    const text = doc('<!-- postmortem-disable-next-line blame-language -->', 'Nothing to silence here.');
    const warn = run(text, only(ALL, { rules: { 'suppression-unused': 'warning', 'suppression-reason-missing': 'error' } }));
    assert.deepEqual(warn.res.findings.map((f) => `${f.rule}:${f.severity}`).sort(), ['suppression-reason-missing:error', 'suppression-unused:warning']);
    const off = run(text, only(ALL, { rules: { 'suppression-unused': 'off', 'suppression-reason-missing': 'off' } }));
    assert.deepEqual(off.found, []);
  });

  it('offer fixes that remove an unused comment with its line, or just the unused id', () => {
    const text = doc('<!-- postmortem-disable-next-line blame-language -- nothing to silence -->', 'The pipeline retried.');
    const r = run(text);
    const fix = r.res.findings[0].fixes![0];
    assert.ok(fix.preferred);
    const e = fix.edits[0];
    assert.equal(applyEdits(text, [e]), doc('The pipeline retried.'));
  });
});

describe('status severity shaping', () => {
  const withStatus = (status: string) =>
    ['---', 'title: Release rollback delayed', `status: ${status}`, '---', '', '# Release rollback delayed', '', BLAME, ''].join('\n');
  const sev = (status: string, shaping?: AnalyzeOptions['status'], rule = 'section-missing') => [
    ...new Set(analyze(withStatus(status), only([rule], { status: shaping })).findings.map((f) => f.severity)),
  ];

  it('shows what is not written yet as hints while draft, and warnings as errors once final', () => {
    const on = { draftWarningsAsHints: true, finalWarningsAsErrors: true };
    assert.deepEqual(sev('draft', on), ['hint']);
    assert.deepEqual(sev('final', on), ['error']);
    assert.deepEqual(sev('in review', on), ['warning']);
  });

  it('keeps blame at its severity in every status', () => {
    const on = { draftWarningsAsHints: true, finalWarningsAsErrors: true };
    for (const status of ['draft', 'in review', 'final']) assert.deepEqual(sev(status, on, 'blame-language'), ['warning'], status);
  });

  it('each half can be switched off, and nothing changes without the option', () => {
    assert.deepEqual(sev('draft', { draftWarningsAsHints: false, finalWarningsAsErrors: true }), ['warning']);
    assert.deepEqual(sev('final', { draftWarningsAsHints: true, finalWarningsAsErrors: false }), ['warning']);
    assert.deepEqual(sev('final'), ['warning']);
  });

  it('leaves errors, infos and hints as they are once final', () => {
    const opts = only(['section-missing'], { rules: { 'section-missing': 'info' }, status: { draftWarningsAsHints: true, finalWarningsAsErrors: true } });
    assert.deepEqual([...new Set(analyze(withStatus('final'), opts).findings.map((f) => f.severity))], ['info']);
  });
});
