/**
 * A small seeded pseudo-random generator, so the demo borough is the same on every machine and every run.
 * mulberry32 is short, fast and good enough for picking names and shapes; it is not for security.
 */

/** The seed behind the committed files in data/demo (and the demand made when they are loaded). */
export const DEMO_SEED = 20261101;

/** Returns a function giving numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Mixes a seed with a label into a new 32-bit seed, so each part of the generator has its own stream:
 * changing how many numbers the asset builder draws does not move a single small-area boundary.
 */
export function deriveSeed(seed: number, label: string): number {
	let h = (seed ^ 0x811c9dc5) >>> 0;
	for (let i = 0; i < label.length; i++) {
		h ^= label.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b) >>> 0;
	h ^= h >>> 13;
	return h >>> 0;
}

/** A seeded random source with the helpers the generator needs. */
export class Random {
	readonly #next: () => number;

	constructor(seed: number) {
		this.#next = mulberry32(seed);
	}

	/** A number in [0, 1). */
	next(): number {
		return this.#next();
	}

	/** A number in [min, max). */
	float(min: number, max: number): number {
		return min + (max - min) * this.#next();
	}

	/** An integer from min to max, both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.#next() * (max - min + 1));
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.#next() < p;
	}

	/** One item of a non-empty list. */
	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.#next() * items.length)];
	}

	/** One item, chosen with probability proportional to its weight. */
	weighted<T>(items: readonly T[], weight: (item: T) => number): T {
		const total = items.reduce((sum, item) => sum + weight(item), 0);
		let r = this.#next() * total;
		for (const item of items) {
			r -= weight(item);
			if (r < 0) return item;
		}
		return items[items.length - 1];
	}

	/** A shuffled copy (Fisher-Yates). */
	shuffle<T>(items: readonly T[]): T[] {
		const out = [...items];
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.#next() * (i + 1));
			[out[i], out[j]] = [out[j], out[i]];
		}
		return out;
	}

	/** A normally distributed number (Box-Muller). */
	normal(mean = 0, sd = 1): number {
		const u = 1 - this.#next();
		const v = this.#next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
}
