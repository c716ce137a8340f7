/**
 * The gap benchmarks' synthetic programme: the patch bench's small areas (with the sizing engine's
 * representative points) and entries placed where people live, in 20 categories of which a few are
 * rare. Shared by bench:gaps and its PostGIS comparison, so both run on the same data for a seed.
 */
import type { Random } from '../../lib/demo/random';
import type { GapAsset, GapCategory, GapSmallArea } from '../../lib/domain/gaps';
import type { SessionRule } from '../../lib/domain/sessions';
import { prepareSmallAreas } from '../../lib/domain/sizing';
import { generateSmallAreas, type SyntheticAreas } from './small-areas';

export const CATEGORY_COUNT = 20;

export const gapCategories = (): GapCategory[] =>
	Array.from({ length: CATEGORY_COUNT }, (_, i) => ({
		id: `category-${i + 1}`,
		name: `Category ${i + 1}`
	}));

/** Small areas as the patch bench makes them, with their representative points. */
export function generateGapAreas(count: number, seed: number) {
	const sa: SyntheticAreas = generateSmallAreas(count, seed);
	// Representative points as the sizing engine makes them (interior points of the generated cells).
	const prepared = prepareSmallAreas(sa.areas);
	const areas: GapSmallArea[] = sa.areas.map((area, i) => ({
		code: area.code,
		population: area.population,
		point: [prepared.lonLatPoints[i * 2], prepared.lonLatPoints[i * 2 + 1]]
	}));
	return { sa, prepared, areas };
}

/**
 * `count` entries, each near a small area picked at random, in one or two categories (category n
 * about 1/n as common as the first), 95% published, with 0-2 weekly or monthly sessions.
 * @param findPatches the patches a point falls in ([] where patches do not matter)
 */
export function generateGapAssets(
	random: Random,
	areas: readonly GapSmallArea[],
	count: number,
	categories: readonly GapCategory[],
	findPatches: (point: [number, number]) => number[]
): GapAsset[] {
	const randomSessions = (): SessionRule[] =>
		Array.from({ length: random.int(0, 2) }, () => {
			const weekly = random.chance(0.7);
			const start = `${String(random.int(8, 20)).padStart(2, '0')}:00`;
			return {
				frequency: weekly ? 'weekly' : 'monthly',
				weekday: random.int(1, 7),
				weekOfMonth: weekly ? null : random.int(1, 4),
				startTime: start,
				endTime: `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00`
			};
		});
	// Categories are not equally common (a few are rare, as real taxonomies are).
	const weights = categories.map((_, i) => 1 / (i + 1));
	const weightSum = weights.reduce((a, b) => a + b, 0);
	const pickCategory = () => {
		let r = random.next() * weightSum;
		for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) <= 0) return categories[i].id;
		return categories[0].id;
	};
	return Array.from({ length: count }, (_, id): GapAsset => {
		const home = areas[random.int(0, areas.length - 1)].point;
		const point: [number, number] = [
			home[0] + random.float(-0.004, 0.004),
			home[1] + random.float(-0.003, 0.003)
		];
		const categoryIds = [pickCategory()];
		if (random.chance(0.2)) categoryIds.push(pickCategory());
		return {
			id,
			name: `Entry ${id}`,
			kind: random.chance(0.02) ? 'informal_support' : 'group',
			status: random.chance(0.95) ? 'published' : 'draft',
			consentPublic: random.chance(0.5),
			point,
			categoryIds: [...new Set(categoryIds)],
			patchIds: findPatches(point),
			sessions: randomSessions()
		};
	});
}
