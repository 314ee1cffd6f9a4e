/** The client's restart policy for a dead language server (client/src/restartPolicy.ts). */
import { strict as assert } from 'node:assert';
import { RestartPolicy } from '../../client/src/restartPolicy';

describe('restart policy for a dead server', () => {
  it('restarts up to the bound within the window, then stops and tells the user once', () => {
    const p = new RestartPolicy(4, 180_000);
    const got = [0, 1000, 2000, 3000, 4000, 5000, 6000].map((t) => p.closed(t));
    assert.deepEqual(
      got.slice(0, 4).map((d) => d.restart),
      [true, true, true, true],
    );
    assert.ok(got.slice(0, 4).every((d) => !d.message));
    assert.equal(got[4].restart, false);
    assert.match(got[4].message ?? '', /stopped 5 times in 3 minutes/);
    assert.deepEqual(got.slice(5), [{ restart: false }, { restart: false }], 'the message is given once');
  });

  it('forgets crashes older than the window', () => {
    const p = new RestartPolicy(2, 60_000);
    assert.equal(p.closed(0).restart, true);
    assert.equal(p.closed(10_000).restart, true);
    assert.equal(p.closed(20_000).restart, false);
    assert.equal(p.closed(200_000).restart, true, 'a crash long after the others restarts again');
  });
});
