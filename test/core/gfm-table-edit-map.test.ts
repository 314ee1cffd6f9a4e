/**
 * GFM tables must parse in time linear in their size. micromark-extension-gfm-table batches its
 * event edits in an EditMap whose `add` used to search the list of edits linearly for one at the same
 * index, which made a table's cost grow with the square of its cells (postmortem timelines have
 * thousands). Version 2.1.2, the one package-lock.json installs, looks edits up by index in a Map.
 * These tests fail if an install brings the linear search back, and check that the lookup changes
 * nothing: the same edits give the same events as the linear algorithm, and tables parse to the
 * rows and cells written. No timing is asserted; reads of the edit list are counted instead.
 */
import * as assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { bigTable } from '../../bench/corpus';
import { parseMarkdown } from '../../core/engine/parse';

type Event = unknown;
type Change = [number, number, Event[]];
interface EditMapLike {
  map: Change[];
  add(index: number, remove: number, add: Event[]): void;
  consume(events: Event[]): void;
}

const root = dirname(require.resolve('micromark-extension-gfm-table'));

async function load(file: string): Promise<new () => EditMapLike> {
  return ((await import(pathToFileURL(join(root, file)).href)) as { EditMap: new () => EditMapLike }).EditMap;
}

/** The algorithm as it was: `add` scans the edits for one at the same index. */
class LinearEditMap implements EditMapLike {
  map: Change[] = [];
  add(index: number, remove: number, add: Event[]): void {
    if (remove === 0 && add.length === 0) return;
    for (const change of this.map) {
      if (change[0] === index) {
        change[1] += remove;
        change[2].push(...add);
        return;
      }
    }
    this.map.push([index, remove, add]);
  }
  consume(events: Event[]): void {
    this.map.sort((a, b) => a[0] - b[0]);
    if (this.map.length === 0) return;
    let i = this.map.length;
    const vecs: Event[][] = [];
    while (i > 0) {
      i -= 1;
      vecs.push(events.slice(this.map[i][0] + this.map[i][1]), this.map[i][2]);
      events.length = this.map[i][0];
    }
    vecs.push(events.slice());
    events.length = 0;
    let slice = vecs.pop();
    while (slice) {
      for (const e of slice) events.push(e);
      slice = vecs.pop();
    }
    this.map.length = 0;
  }
}

/** Counts reads of numbered elements of `edits.map` while `fn` runs. */
function countReads(edits: EditMapLike, fn: () => void): number {
  let reads = 0;
  const target = edits.map;
  edits.map = new Proxy(target, {
    get(t, p, r) {
      if (typeof p === 'string' && /^\d+$/.test(p)) reads++;
      return Reflect.get(t, p, r);
    },
  });
  try {
    fn();
  } finally {
    edits.map = target;
  }
  return reads;
}

for (const file of ['lib/edit-map.js', 'dev/lib/edit-map.js']) {
  describe(`micromark-extension-gfm-table ${file}`, () => {
    it('adds an edit without reading the other edits (constant work per add)', async () => {
      const EditMap = await load(file);
      const n = 2000;
      const edits = new EditMap();
      const reads = countReads(edits, () => {
        for (let i = 0; i < n; i++) edits.add(i * 3, 0, [`e${i}`]);
        // Merging into an existing edit is a lookup too.
        for (let i = 0; i < n; i++) edits.add(i * 3, 1, [`f${i}`]);
      });
      assert.ok(reads < n, `add() read the edit list ${reads} times for ${2 * n} adds`);
      // The counter itself works: the linear algorithm reads about n²/2 times.
      const linear = new LinearEditMap();
      assert.ok(
        countReads(linear, () => {
          for (let i = 0; i < 200; i++) linear.add(i, 0, ['x']);
        }) > 10_000,
      );
    });

    it('applies the same edits as the linear algorithm', async () => {
      const EditMap = await load(file);
      const op = fc.record({ index: fc.nat(30), remove: fc.nat(3), add: fc.array(fc.string({ maxLength: 2 }), { maxLength: 3 }) });
      fc.assert(
        fc.property(fc.array(fc.string({ maxLength: 2 }), { minLength: 30, maxLength: 40 }), fc.array(op, { maxLength: 25 }), (events, ops) => {
          const a = new EditMap();
          const b = new LinearEditMap();
          for (const o of ops) {
            a.add(o.index, o.remove, [...o.add]);
            b.add(o.index, o.remove, [...o.add]);
          }
          const ea = [...events];
          const eb = [...events];
          a.consume(ea);
          b.consume(eb);
          assert.deepEqual(ea, eb);
        }),
        { numRuns: 500 },
      );
    });
  });
}

describe('GFM tables parse to what was written', () => {
  it('a 2,000-row timeline table keeps every row and cell', () => {
    const text = bigTable(2000);
    const tree = parseMarkdown(text);
    const table = tree.children.find((n): n is Table => n.type === 'table');
    assert.ok(table);
    const lines = text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
    assert.equal(table.children.length, lines.length);
    table.children.forEach((row, i) => {
      const cells = lines[i].slice(2, -2).split(' | ');
      assert.equal(row.children.length, cells.length);
      // Cell text as written, markup flattened ("**canary**" -> "canary", a link -> its text).
      row.children.forEach((cell, j) => assert.equal(toString(cell), cells[j].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`([^`]*)`/g, '$1')));
      assert.equal(text.slice(row.position!.start.offset, row.position!.end.offset), lines[i]);
    });
  });
});
