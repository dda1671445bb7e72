/** A seeded random source for the demonstration data: the same seed draws the same numbers, in the same order. */
import { createRandom as mulberry32 } from "@gugus/domain";

export type Random = {
  /** A number in [0, 1). */
  next: () => number;
  /** A whole number in [low, high]. */
  int: (low: number, high: number) => number;
  /** A number in [low, high). */
  between: (low: number, high: number) => number;
  /** True with probability `p`. */
  chance: (p: number) => boolean;
  pick: <T>(list: readonly T[]) => T;
  /** A new array, in a random order. */
  shuffle: <T>(list: readonly T[]) => T[];
  /** A Poisson draw with mean `mean` (small means: Knuth's method; large ones: a rounded normal). */
  poisson: (mean: number) => number;
  /** How many of `n` trials succeed with probability `p`. */
  binomial: (n: number, p: number) => number;
  /** A random source of its own, from this one's seed and a label: adding draws in one place leaves the others alone. */
  fork: (label: string) => Random;
};

/** A 32-bit hash of a string (FNV-1a), to seed a fork. */
function hashLabel(label: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
    between: (low, high) => low + next() * (high - low),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)]!,
    shuffle: (list) => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    poisson: (mean) => {
      if (mean <= 0) return 0;
      if (mean > 30) {
        // Box–Muller normal approximation.
        const u = Math.max(next(), 1e-12);
        const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
      }
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k += 1;
        p *= next();
      }
      return k;
    },
    binomial: (n, p) => {
      let k = 0;
      for (let i = 0; i < n; i++) if (next() < p) k += 1;
      return k;
    },
    fork: (label) => createRandom(hashLabel(label, seed)),
  };
  return random;
}
