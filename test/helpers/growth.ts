/**
 * Growth of a function's time from input size n to 4n, as a ratio (never an absolute time): the
 * median of interleaved runs, repeated until each side has taken long enough to be measured on a
 * loaded machine. A linear function gives about 4, a quadratic one 16.
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
  const a: number[] = [];
  const b: number[] = [];
  const rounds = opts.rounds ?? 7;
  for (let r = 0; r < rounds; r++) {
    let t0 = performance.now();
    for (let i = 0; i < reps; i++) run(small);
    a.push(performance.now() - t0);
    t0 = performance.now();
    for (let i = 0; i < reps; i++) run(large);
    b.push(performance.now() - t0);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return median(b) / median(a);
}
