/**
 * The action-item phrase lists are reviewed data: every example they carry runs here through the
 * function that uses the list, and the lists themselves are checked for shape.
 */
import { strict as assert } from 'node:assert';
import { OWNER_EXAMPLES, STATUS_EXAMPLES, TEAM_OWNERS, TEAM_WORDS, TICKET_EXAMPLES, TYPE_EXAMPLES, VAGUE_PHRASES } from '../../core/data/actionItemWords';
import { actionTypeOf, findTicket } from '../../core/extract/actionItems';
import { statusWord } from '../../core/rules/actionItemCommon';
import { ownerKind } from '../../core/rules/action-item-owner-team';
import { findVague } from '../../core/rules/action-item-vague';

describe('action-item data', () => {
  describe('vague phrases', () => {
    it('are lower-case literals, each in one entry only, with examples both ways', () => {
      const seen = new Map<string, string>();
      for (const e of VAGUE_PHRASES) {
        assert.ok(e.examples.flag.length > 0, `${e.id} has flagged examples`);
        assert.ok(e.examples.clean.length > 0, `${e.id} has clean examples`);
        assert.ok(/^[a-z][a-z -]*[a-z.]$/.test(e.instead.split(' ')[0]) || e.instead.length > 0);
        for (const p of e.phrases) {
          assert.equal(p, p.toLowerCase().trim(), `${e.id}: "${p}" is lower case and trimmed`);
          assert.ok(!seen.has(p), `"${p}" is in ${seen.get(p)} and ${e.id}`);
          seen.set(p, e.id);
        }
      }
    });
    for (const e of VAGUE_PHRASES) {
      for (const ex of e.examples.flag) {
        it(`${e.id} flags: ${ex}`, () => {
          const hit = findVague(ex);
          assert.ok(hit, 'reported as vague');
        });
      }
      for (const ex of e.examples.clean) {
        it(`${e.id} leaves alone: ${ex}`, () => assert.equal(findVague(ex)?.phrase, undefined));
      }
    }
    it('skips quoted and code-span mentions', () => {
      assert.equal(findVague('Replace the "be more careful" item with a lint rule'), undefined);
      assert.equal(findVague('Rename the `improve` flag in the deploy tool'), undefined);
      assert.ok(findVague('Be more careful with "prod" tags'));
    });
  });

  describe('owners', () => {
    it('team words are lower case and not duplicated', () => {
      for (const list of [TEAM_OWNERS, TEAM_WORDS]) {
        assert.equal(new Set(list).size, list.length);
        for (const w of list) assert.equal(w, w.toLowerCase());
      }
    });
    for (const v of OWNER_EXAMPLES.team) it(`"${v}" is a team`, () => assert.equal(ownerKind(v), 'team'));
    for (const v of OWNER_EXAMPLES.person) it(`"${v}" is one person`, () => assert.equal(ownerKind(v), 'person'));
    for (const v of OWNER_EXAMPLES.several) it(`"${v}" is several people`, () => assert.equal(ownerKind(v), 'several'));
    for (const v of ['', 'TBD', '?', 'someone', 'n/a']) it(`"${v}" is nobody`, () => assert.equal(ownerKind(v), 'none'));
  });

  describe('status words', () => {
    for (const v of STATUS_EXAMPLES.done) it(`"${v}" is done`, () => assert.equal(statusWord(v), 'done'));
    for (const v of STATUS_EXAMPLES.open) it(`"${v}" is open`, () => assert.equal(statusWord(v), 'open'));
    for (const v of STATUS_EXAMPLES.unknown) it(`"${v}" is unknown`, () => assert.equal(statusWord(v), 'unknown'));
    it('"not done" is open although it contains "done"', () => assert.equal(statusWord('Not done'), 'open'));
  });

  describe('tickets', () => {
    for (const v of TICKET_EXAMPLES.ticket) it(`"${v}" is a ticket`, () => assert.ok(findTicket(v)));
    for (const v of TICKET_EXAMPLES.notTicket) it(`"${v}" is not a ticket`, () => assert.equal(findTicket(v), undefined));
  });

  describe('types', () => {
    for (const v of TYPE_EXAMPLES.typed) it(`"${v}" is a type`, () => assert.ok(actionTypeOf(v)));
    for (const v of TYPE_EXAMPLES.untyped) it(`"${v}" is no type`, () => assert.equal(actionTypeOf(v), undefined));
  });
});
