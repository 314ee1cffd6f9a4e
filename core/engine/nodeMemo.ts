/**
 * Memory per parsed node, for the stages after parsing (model extraction) in an editor session.
 *
 * A `ParseCache` hands back the very same node objects for every block an edit did not touch (their
 * positions shifted in place), so a result computed from a top-level node stays valid while that node
 * object lives and the inputs named in the key are the same. Entries are held weakly: a node dropped
 * from the cache takes its results with it. A result is stored with the offset its node had when it
 * was computed; the caller shifts the offsets it reuses by `delta`.
 */

interface Slot {
  key: string;
  at: number;
  value: unknown;
}

export class NodeMemo {
  private slots = new WeakMap<object, Map<string, Slot>>();

  /** The value stored for `node` under `purpose` when it was stored with the same `key`, and how far the node has moved since. */
  get<T>(node: object, purpose: string, key: string, at: number): { value: T; delta: number } | undefined {
    const slot = this.slots.get(node)?.get(purpose);
    return slot && slot.key === key ? { value: slot.value as T, delta: at - slot.at } : undefined;
  }

  /** Stores a copy of `value` that shares no string with the document's text (see `ownDeep`). */
  set(node: object, purpose: string, key: string, at: number, value: unknown): void {
    let m = this.slots.get(node);
    if (!m) this.slots.set(node, (m = new Map()));
    m.set(purpose, { key, at, value: ownDeep(value) });
  }
}

/**
 * A deep copy of plain data (objects, arrays, strings, numbers) in which every string is a fresh copy:
 * V8 keeps the whole parent alive behind a sliced string, and a memo that quoted one version of a
 * 1 MB text would keep that version alive for as long as the node lives.
 */
export function ownDeep<T>(value: T): T {
  if (typeof value === 'string') return own(value) as T;
  if (Array.isArray(value)) return value.map(ownDeep) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = ownDeep(v);
    return out as T;
  }
  return value;
}

/**
 * A copy of `s` that shares no memory with the string it was sliced from (V8 keeps a slice's whole
 * parent alive): concatenating forces a fresh string.
 */
export function own(s: string): string {
  return (' ' + s).slice(1);
}
