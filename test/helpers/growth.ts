/**
 * Growth of a function's time from input size n to 4n, as a ratio (never an absolute time): the
 * median of per-round ratios (n then 4n, back to back), each side repeated until it takes long enough
 * to be measured on a loaded machine. A linear function gives about 4, a quadratic one 16.
 */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, opts: { minMs?: number; rounds?: number } = {}): number {
  const small = make(n);
  const large = make(4 * n);
  const minMs = opts.minMs ?? 20;
  // Repetitions per sample so that one sample of the small input takes at least minMs.
  run(small);
  run(large);
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) run(small);
    if (performance.now() - t0 >= minMs || reps > 1 << 20) break;
    reps *= 2;
  }
  const rounds = opts.rounds ?? 7;
  const once = (): number => {
    // Each round times n then 4n back to back, so both see the same load; the median of the
    // per-round ratios is the figure.
    const ratios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      let t0 = performance.now();
      for (let i = 0; i < reps; i++) run(small);
      const a = performance.now() - t0;
      t0 = performance.now();
      for (let i = 0; i < reps; i++) run(large);
      ratios.push((performance.now() - t0) / a);
    }
    return [...ratios].sort((x, y) => x - y)[Math.floor(ratios.length / 2)];
  };
  // A second measurement only when the first is over the usual bound: load from other processes can
  // only inflate a ratio now and then, a super-linear path inflates it every time (16x for quadratic).
  const first = once();
  return first < 6 ? first : Math.min(first, once());
}
