/** Factor normalisation, clustering and categories (review/factors.ts, categories.ts). */
import { strict as assert } from 'node:assert';
import { CATEGORIES, categoriesOf, clusterFactors, splitLabel, stem, terms, UNCATEGORISED } from '../../review';
import { alike, linkAlike } from '../../review/factors';
import fc from 'fast-check';

describe('report factors', () => {
  it('stems inflections of one word to one stem', () => {
    for (const group of [
      ['alert', 'alerts', 'alerting', 'alerted'],
      ['wait', 'waits', 'waited', 'waiting'],
      ['queue', 'queues', 'queued'],
      ['deploy', 'deploys', 'deployed'],
      ['dependency', 'dependencies'],
    ]) {
      assert.equal(new Set(group.map(stem)).size, 1, group.join(' '));
    }
  });

  it('keeps content words only', () => {
    assert.deepEqual(terms('The **queue** depth alert was not paging the on-call engineer.'), ['queu', 'depth', 'alert', 'pag', 'on-call', 'engineer']);
  });

  it('reads a label before a factor, but not the start of a sentence', () => {
    assert.deepEqual(splitLabel('Monitoring: the alert waits'), { label: 'Monitoring', rest: 'the alert waits' });
    assert.deepEqual(splitLabel('**Testing:** staging differs'), { label: 'Testing', rest: 'staging differs' });
    assert.deepEqual(splitLabel('We noticed: nothing'), { rest: 'We noticed: nothing' });
    assert.deepEqual(splitLabel('The alert waited for 15 minutes'), { rest: 'The alert waited for 15 minutes' });
  });

  for (const c of CATEGORIES) {
    it(`category "${c.name}": its examples fall in it and its counter-examples do not`, () => {
      for (const e of c.examples.in) assert.ok(categoriesOf(e).includes(c.name), `${e} -> ${categoriesOf(e)}`);
      for (const e of c.examples.out) assert.ok(!categoriesOf(e).includes(c.name), `${e} -> ${categoriesOf(e)}`);
    });
  }

  it('a category label wins over keywords; a written category: names one; no keyword is Uncategorised', () => {
    assert.deepEqual(categoriesOf('Capacity: the disk had no growth alert'), ['Capacity and limits']);
    assert.deepEqual(categoriesOf('Alerting: nothing fired'), ['Monitoring and alerting']);
    assert.deepEqual(categoriesOf('**Testing:** the load test was small'), ['Testing']);
    assert.deepEqual(categoriesOf('Category: hiring — two people left the team'), ['Hiring']);
    assert.deepEqual(categoriesOf('Two people left the team (category: hiring)'), ['Hiring']);
    assert.deepEqual(categoriesOf('Category: alerting — nothing fired'), ['Monitoring and alerting']);
    // A descriptive label is no category: its words are keywords like the rest.
    assert.deepEqual(categoriesOf('Retry storm: clients retried without backoff'), [UNCATEGORISED]);
    assert.deepEqual(categoriesOf('Vendor lock-in: one region only'), ['Dependencies']);
    assert.deepEqual(categoriesOf('Nobody was awake in that time zone'), [UNCATEGORISED]);
  });

  it('clusters differently worded statements of one factor and keeps unrelated ones apart', () => {
    const clusters = clusterFactors([
      { postmortem: 'a', text: 'The queue depth alert waits fifteen minutes before paging.' },
      { postmortem: 'b', text: 'Queue depth alerts waited 15 minutes to page anyone' },
      { postmortem: 'c', text: 'The disk of the export host filled up.' },
      { postmortem: 'd', text: 'Export host disk full' },
      { postmortem: 'e', text: 'The status page was updated late.' },
    ]);
    const groups = clusters.map((c) =>
      c.members
        .map((m) => m.postmortem)
        .sort()
        .join(''),
    );
    assert.deepEqual(groups.sort(), ['ab', 'cd', 'e']);
    const queue = clusters.find((c) => c.postmortems.includes('a'))!;
    assert.ok(queue.shared.includes('queu') && queue.shared.includes('alert'), queue.shared.join(' '));
  });

  it('needs two shared words: one common word does not make two factors alike', () => {
    const clusters = clusterFactors([
      { postmortem: 'a', text: 'No alert on certificate expiry' },
      { postmortem: 'b', text: 'The disk growth alert was missing' },
    ]);
    assert.equal(clusters.length, 2);
  });
});

describe('clustering without comparing every pair (linkAlike)', () => {
  /** Components by comparing every pair, as the clustering did before. */
  function naive(sets: Array<Set<string>>): number[] {
    const parent = sets.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let i = 0; i < sets.length; i++) {
      if (sets[i].size < 2) continue;
      for (let j = i + 1; j < sets.length; j++) if (sets[j].size >= 2 && alike(sets[i], sets[j])) parent[find(j)] = find(i);
    }
    return sets.map((_, i) => find(i));
  }
  const partition = (roots: number[]) => {
    const first = new Map<number, number>();
    return roots.map((r, i) => (first.has(r) ? first.get(r)! : (first.set(r, i), i)));
  };

  it('gives the components of comparing every pair', () => {
    const vocab = ['alert', 'page', 'queue', 'depth', 'retry', 'storm', 'cache', 'ttl', 'deploy', 'review', 'pool', 'timeout'];
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.constantFrom(...vocab), { maxLength: 6 }), { maxLength: 60 }), (lists) => {
        const sets = lists.map((l) => new Set(l));
        const fast = linkAlike(sets);
        const find = (i: number): number => (fast[i] === i ? i : find(fast[i]));
        assert.deepEqual(partition(sets.map((_, i) => find(i))), partition(naive(sets)));
      }),
      { numRuns: 200 },
    );
  });
});
