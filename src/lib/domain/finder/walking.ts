/**
 * Walking estimates from straight-line distance. Streets are not straight: the route is taken as the
 * straight line × 1.3, walked at 4.8 km/h (80 metres a minute). The page says it is an estimate.
 */
import { formatDistance } from '../format';
import type { Lang } from '../sessions';
import type { Reach } from './inputs';

export const ROUTE_FACTOR = 1.3;
export const WALKING_METRES_PER_MINUTE = 4800 / 60;

/**
 * Minutes' walk for a straight-line distance, rounded, at least 1.
 * @example walkingMinutes(600) // 10 (600 × 1.3 / 80 = 9.75)
 */
export function walkingMinutes(straightMetres: number): number {
	if (!Number.isFinite(straightMetres) || straightMetres < 0)
		throw new RangeError(`Not a distance: ${straightMetres}`);
	return Math.max(1, Math.round((straightMetres * ROUTE_FACTOR) / WALKING_METRES_PER_MINUTE));
}

/**
 * The straight-line distance a reach covers: what the person can walk in the minutes, or the distance.
 * @example reachMetres({ kind: 'walk', minutes: 10 }) // 615 (800 metres of route ÷ 1.3)
 */
export function reachMetres(reach: Reach): number {
	if (reach.kind === 'distance') return reach.km * 1000;
	return Math.round((reach.minutes * WALKING_METRES_PER_MINUTE) / ROUTE_FACTOR);
}

/**
 * "600 metres, about 10 minutes' walk"; past an hour's walk, the distance alone.
 * @example distanceWords(600) // "600 metres, about 10 minutes' walk"
 */
export function distanceWords(straightMetres: number, lang: Lang = 'en'): string {
	const distance = formatDistance(straightMetres, lang);
	const minutes = walkingMinutes(straightMetres);
	if (minutes > 60) return distance;
	if (lang === 'cy') return `${distance}, tua ${minutes} munud o gerdded`;
	return `${distance}, about ${minutes} ${minutes === 1 ? 'minute’s' : 'minutes’'} walk`;
}
