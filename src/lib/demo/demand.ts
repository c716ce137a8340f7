/**
 * Made-up demand for the demo borough, so the council's gap page has something to show: six months
 * of connections coordinators logged (most made, some "nothing suitable found", more of those where
 * the demo has real gaps, such as support for carers) and of directory searches that found nothing.
 * The months are the six before the one the demo is loaded in, so what people log today stands apart.
 * Seeded: the same rows for the same day on every machine.
 */
import { emptySearchRecord, type EmptySearchRecord } from '../domain/gaps/demand';
import type { Weekday } from '../domain/sessions';
import type { ConnectionKind } from '../domain/vocabulary';
import { DEMO_SEED, deriveSeed, Random } from './random';

export interface DemandPatch {
	id: number;
	slug: string;
	/** Who logs the patch's connections (its coordinator), or null. */
	coordinatorId: number | null;
}

export interface DemoConnection {
	madeOn: string;
	patchId: number;
	assetId: number | null;
	theme: string;
	kind: ConnectionKind;
	recordedBy: number | null;
}

export interface DemoEmptySearch extends EmptySearchRecord {
	count: number;
}

/** Themes people ask for and the demo borough lacks, with how often nothing suitable is found. */
const UNMET_THEMES: [theme: string, weight: number][] = [
	['caring-for-someone', 3],
	['mental-wellbeing', 1.5],
	['family-activities', 1.2],
	['digital-skills', 0.8],
	['money-and-debt', 0.8]
];

/** Searches residents make that find nothing: a theme, words, and a day (1 Monday to 7 Sunday). */
const EMPTY_SEARCHES: { category: string | null; q: string; day?: Weekday }[] = [
	{ category: 'caring-for-someone', q: 'carers group', day: 3 },
	{ category: 'caring-for-someone', q: 'dementia carers' },
	{ category: 'family-activities', q: 'youth club', day: 2 },
	{ category: 'family-activities', q: 'youth club', day: 4 },
	{ category: 'mental-wellbeing', q: 'anxiety support', day: 1 },
	{ category: null, q: 'mens shed' },
	{ category: 'digital-skills', q: 'computer help', day: 6 },
	{ category: 'sport-and-exercise', q: 'chair yoga', day: 5 }
];

/** The first day of the month `offset` months from `today`'s (YYYY-MM-DD). */
function monthStart(today: string, offset: number): Date {
	const [year, month] = today.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1 + offset, 1));
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The demo's connections and empty searches for the six months before `today`'s month.
 * @param entriesByTheme published entries' ids by category id (a made connection points at one)
 */
export function demoDemand(
	today: string,
	patches: DemandPatch[],
	entriesByTheme: Map<string, number[]>,
	seed: number = DEMO_SEED
): { connections: DemoConnection[]; emptySearches: DemoEmptySearch[] } {
	const random = new Random(deriveSeed(seed, 'demand'));
	const themes = [...entriesByTheme.keys()].filter((theme) => entriesByTheme.get(theme)!.length);
	const connections: DemoConnection[] = [];
	const searches = new Map<string, DemoEmptySearch>();
	for (let offset = -6; offset < 0; offset++) {
		const start = monthStart(today, offset);
		const day = () => isoDate(new Date(start.getTime() + random.int(0, 27) * 86_400_000));
		for (const patch of patches) {
			const logged = { patchId: patch.id, recordedBy: patch.coordinatorId };
			for (let made = random.int(6, 14); made > 0 && themes.length; made--) {
				const theme = random.pick(themes);
				const assetId = random.pick(entriesByTheme.get(theme)!);
				connections.push({ ...logged, madeOn: day(), assetId, theme, kind: 'connected' });
			}
			for (const [theme, weight] of UNMET_THEMES) {
				for (let unmet = Math.floor(random.next() * weight * 2); unmet > 0; unmet--) {
					connections.push({
						...logged,
						madeOn: day(),
						assetId: null,
						theme,
						kind: 'nothing_suitable'
					});
				}
			}
		}
		for (const search of EMPTY_SEARCHES) {
			const patch = random.chance(0.5) ? random.pick(patches).slug : null;
			const record = emptySearchRecord(
				{
					q: search.q,
					category: search.category,
					kinds: [],
					days: search.day ? [search.day] : [],
					patch
				},
				day()
			);
			if (!record) continue;
			const key = JSON.stringify(record);
			const kept = searches.get(key) ?? { ...record, count: 0 };
			kept.count += random.int(1, 4);
			searches.set(key, kept);
		}
	}
	return { connections, emptySearches: [...searches.values()] };
}
