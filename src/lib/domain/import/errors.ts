/**
 * Import problems: each is one plain sentence naming the file, the feature or line, and the reason.
 * An import with any problem changes nothing, so problems are collected (up to a cap) and thrown
 * together, letting a person fix a file in one pass rather than one error at a time.
 */

/** How many problems one message lists before "…and N more". */
export const MAX_PROBLEMS_SHOWN = 20;

/** A file Patchwork will not import, with every problem found (each a full sentence). */
export class ImportError extends Error {
	name = 'ImportError';
	constructor(
		readonly problems: string[],
		/** Problems found beyond those listed. */
		readonly more = 0
	) {
		super(
			problems.join('\n') +
				(more > 0
					? `\n…and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'problem' : 'problems'}`
					: '')
		);
	}
}

/** Collects problems up to a cap, then throws them all at once. */
export class ProblemList {
	readonly problems: string[] = [];
	private extra = 0;

	add(message: string): void {
		if (this.problems.length < MAX_PROBLEMS_SHOWN) this.problems.push(message);
		else this.extra++;
	}

	get count(): number {
		return this.problems.length + this.extra;
	}

	/** Throws an ImportError when any problem was added. */
	throwIfAny(): void {
		if (this.count > 0) throw new ImportError(this.problems, this.extra);
	}
}

/** Throws a single-problem ImportError. */
export function fail(message: string): never {
	throw new ImportError([message]);
}
