/** Small statistics helpers for the benchmarks. */

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The ways of making the same call that every benchmark compares: plain fetch, plain fetch with a
 * timeout signal (what any safe caller pays), bare openapi-fetch, and this package's client.
 */
export const CONTENDERS = ["fetch", "fetch+timeout", "openapi-fetch", "client"] as const;
export type Contender = (typeof CONTENDERS)[number];

export type Call = () => Promise<unknown>;

/**
 * Runs `blocks` blocks; in each, every contender makes `perBlock` calls, interleaved call by
 * call in an order that rotates with the block. Returns, per contender, the per-call times
 * (ms) of every block, so ratios can be taken block by block.
 */
export async function interleaved(
  calls: Record<Contender, Call>,
  blocks: number,
  perBlock: number,
): Promise<Record<Contender, number[][]>> {
  const out = Object.fromEntries(CONTENDERS.map((c) => [c, []])) as unknown as Record<Contender, number[][]>;
  for (let b = 0; b < blocks; b++) {
    const order = CONTENDERS.map((_, i) => CONTENDERS[(i + b) % CONTENDERS.length]!);
    const times = Object.fromEntries(CONTENDERS.map((c) => [c, []])) as unknown as Record<
      Contender,
      number[]
    >;
    for (let i = 0; i < perBlock; i++) {
      for (const who of order) {
        const start = performance.now();
        await calls[who]();
        times[who].push(performance.now() - start);
      }
    }
    for (const who of CONTENDERS) out[who].push(times[who]);
  }
  return out;
}

/** The median over blocks of (median of a) / (median of b) within each block. */
export function blockRatio(a: number[][], b: number[][]): number {
  return median(a.map((block, i) => median(block) / median(b[i]!)));
}
