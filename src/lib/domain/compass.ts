/**
 * Which way one place is from another, as people say it: one of the eight compass points
 * ("north-west"), in English or Welsh. Good for the short distances between neighbours in a list,
 * where the Earth's curve does not matter (a flat local approximation).
 */
import type { Lang } from './sessions';

export const COMPASS_POINTS = [
	'north',
	'north-east',
	'east',
	'south-east',
	'south',
	'south-west',
	'west',
	'north-west'
] as const;
export type CompassPoint = (typeof COMPASS_POINTS)[number];

const WELSH: Record<CompassPoint, string> = {
	north: 'gogledd',
	'north-east': 'gogledd-ddwyrain',
	east: 'dwyrain',
	'south-east': 'de-ddwyrain',
	south: 'de',
	'south-west': 'de-orllewin',
	west: 'gorllewin',
	'north-west': 'gogledd-orllewin'
};

/**
 * The bearing from `from` to `to`, both [lon, lat], in degrees clockwise from north (0 to 360), or
 * null when they are the same point.
 * @example bearingDegrees([-2.345, 53.457], [-2.345, 53.458]) // 0 (due north)
 */
export function bearingDegrees(
	from: readonly [number, number],
	to: readonly [number, number]
): number | null {
	const east = (to[0] - from[0]) * Math.cos((((from[1] + to[1]) / 2) * Math.PI) / 180);
	const north = to[1] - from[1];
	if (east === 0 && north === 0) return null;
	return ((Math.atan2(east, north) * 180) / Math.PI + 360) % 360;
}

/**
 * The compass point nearest a bearing: each covers 45 degrees ("north" is 337.5 to 22.5).
 * @example compassPoint(300) // 'north-west'
 */
export function compassPoint(bearing: number): CompassPoint {
	return COMPASS_POINTS[Math.round((((bearing % 360) + 360) % 360) / 45) % 8];
}

/** A compass point in the page's language. */
export function compassWord(point: CompassPoint, lang: Lang = 'en'): string {
	return lang === 'cy' ? WELSH[point] : point;
}
