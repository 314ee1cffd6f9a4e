/** The pure parts of "Postmortem: New Postmortem": slug, file name, never overwriting, folder setting, typed date. */
import { strict as assert } from 'node:assert';
import {
  dateProblem,
  folderSegments,
  MAX_SLUG,
  postmortemFileName,
  slugify,
  titleProblem,
  uniqueFileName,
  uniqueFileNameAsync,
} from '../../client/src/commands/newPostmortemFile';

describe('new postmortem file names', () => {
  const slugs: Array<[string, string]> = [
    ['Checkout queue stalled', 'checkout-queue-stalled'],
    ['  DNS: resolver timeouts (EU) — 2nd time!  ', 'dns-resolver-timeouts-eu-2nd-time'],
    ["Payments' retry storm & cache eviction", 'payments-retry-storm-and-cache-eviction'],
    ['Störung der Zahlungsübersicht', 'storung-der-zahlungsubersicht'],
    ['Ошибка оплаты', 'ошибка-оплаты'],
    ['!!!', 'incident'],
    ['', 'incident'],
  ];
  for (const [title, slug] of slugs) {
    it(`slugifies ${JSON.stringify(title)}`, () => assert.equal(slugify(title), slug));
  }

  it('cuts long titles at a word boundary', () => {
    const full = 'search-index-rebuild-starved-the-primary-database-of-connections-for-two-hours-during-peak';
    const s = slugify('Search index rebuild starved the primary database of connections for two hours during peak');
    assert.ok(s.length <= MAX_SLUG && s.length > MAX_SLUG / 2, s);
    assert.ok(full.startsWith(s + '-'), `ends at a whole word: ${s}`);
    assert.equal(slugify('x'.repeat(100)).length, MAX_SLUG, 'one long word is cut anyway');
  });

  it('names the file <date>-<slug>.md', () => {
    assert.equal(postmortemFileName('2026-03-14', 'Checkout queue stalled'), '2026-03-14-checkout-queue-stalled.md');
  });

  it('never overwrites: appends -2, -3, …', async () => {
    const taken = new Set(['2026-03-14-dns.md', '2026-03-14-dns-2.md']);
    assert.equal(
      uniqueFileName('2026-03-14-dns.md', (n) => taken.has(n)),
      '2026-03-14-dns-3.md',
    );
    assert.equal(
      uniqueFileName('2026-03-14-api.md', (n) => taken.has(n)),
      '2026-03-14-api.md',
    );
    assert.equal(await uniqueFileNameAsync('2026-03-14-dns.md', async (n) => taken.has(n)), '2026-03-14-dns-3.md');
    await assert.rejects(
      uniqueFileNameAsync('a.md', async () => true, 5),
      /5 files named like a\.md/,
    );
  });

  it('reads the folder setting as segments inside the workspace folder', () => {
    assert.deepEqual(folderSegments('postmortems'), ['postmortems']);
    assert.deepEqual(folderSegments('docs/incidents/'), ['docs', 'incidents']);
    assert.deepEqual(folderSegments('docs\\incidents'), ['docs', 'incidents']);
    assert.deepEqual(folderSegments('./reviews'), ['reviews']);
    assert.deepEqual(folderSegments(''), []);
    for (const outside of ['../shared', 'a/../../b', '/etc', 'C:\\temp', '~/notes']) assert.equal(folderSegments(outside), undefined, outside);
  });

  it('accepts only calendar dates written YYYY-MM-DD', () => {
    assert.equal(dateProblem('2026-03-14'), undefined);
    assert.equal(dateProblem(' 2024-02-29 '), undefined);
    assert.match(dateProblem('2026-02-30')!, /not a calendar date/);
    assert.match(dateProblem('14/03/2026')!, /YYYY-MM-DD/);
  });

  it('asks for a title', () => {
    assert.ok(titleProblem('   '));
    assert.equal(titleProblem('Queue stalled'), undefined);
  });
});
