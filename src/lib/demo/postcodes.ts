/**
 * Invented postcodes in the area "FV", which no real UK postcode uses. Districts (FV1, FV2 …) follow the
 * neighbourhoods outwards from the town centre; each small area has a postcode at its centre, and each
 * venue or office its own postcode at its door, as real postcodes cover a few dozen addresses.
 */
import type { SmallArea } from './borough';
import type { Locality } from './localities';
import { distance2, toLonLat, type LonLat } from './plane';
import type { Random } from './random';

/** Letters used in the last two characters of a real inward code (no C, I, K, M, O or V). */
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export interface PostcodeRow {
	pcds: string;
	lat: number;
	long: number;
}

/** Allocates unique postcodes and remembers where each one is. */
export class PostcodeBook {
	readonly #sectorOf: string[];
	readonly #units = new Map<string, string[]>();
	readonly #rows = new Map<string, PostcodeRow>();
	readonly #areaPostcodes: string[];
	readonly #rng: Random;

	constructor(
		areas: readonly SmallArea[],
		areaLocality: readonly number[],
		localities: readonly Locality[],
		rng: Random
	) {
		this.#rng = rng;
		const rank = localities
			.map((l, i) => ({ i, d: distance2(l.centre, localities[0].centre) }))
			.sort((a, b) => a.d - b.d || a.i - b.i)
			.map(({ i }) => i);
		const district = new Map(rank.map((l, r) => [l, 1 + Math.floor(r / 2)]));
		const byDistrict = new Map<number, SmallArea[]>();
		for (const area of areas) {
			const d = district.get(areaLocality[area.index]) as number;
			byDistrict.set(d, [...(byDistrict.get(d) ?? []), area]);
		}
		this.#sectorOf = new Array<string>(areas.length);
		for (const [d, members] of byDistrict) {
			members
				.sort((a, b) => b.centre[1] - a.centre[1] || a.centre[0] - b.centre[0])
				.forEach((area, k) => {
					this.#sectorOf[area.index] = `FV${d} ${Math.floor((k * 10) / members.length)}`;
				});
		}
		this.#areaPostcodes = areas.map((area) => this.newPostcode(area.index, toLonLat(area.centre)));
	}

	/** The postcode at a small area's centre. */
	areaPostcode(areaIndex: number): string {
		return this.#areaPostcodes[areaIndex];
	}

	/** A new postcode in a small area's sector, at a given point. */
	newPostcode(areaIndex: number, at: LonLat): string {
		const sector = this.#sectorOf[areaIndex];
		let units = this.#units.get(sector);
		if (!units) {
			units = this.#rng.shuffle(
				[...UNIT_LETTERS].flatMap((a) => [...UNIT_LETTERS].map((b) => a + b))
			);
			this.#units.set(sector, units);
		}
		const unit = units.pop();
		if (!unit) throw new Error(`ran out of postcodes in ${sector}`);
		const pcds = `${sector}${unit}`;
		this.#rows.set(pcds, { pcds, lat: at[1], long: at[0] });
		return pcds;
	}

	/** Every postcode handed out, sorted. */
	rows(): PostcodeRow[] {
		return [...this.#rows.values()].sort((a, b) =>
			a.pcds < b.pcds ? -1 : a.pcds > b.pcds ? 1 : 0
		);
	}
}

/** postcodes.csv: the ONS Postcode Directory's pcds,lat,long columns. */
export function postcodesCsv(rows: readonly PostcodeRow[]): string {
	return ['pcds,lat,long', ...rows.map((r) => `${r.pcds},${r.lat},${r.long}`)].join('\n') + '\n';
}
