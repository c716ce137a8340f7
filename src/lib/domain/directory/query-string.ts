/**
 * A search back to its query string, for shareable URLs, paging links and the language switch.
 * Fields at their empty value are left out, and the order is fixed, so one search has one URL.
 */
import { DAY_CODES, type DirectorySearch } from './search';

/**
 * The query string (without "?") that parses back to the same search. `changes` override fields,
 * e.g. `{ page: 2 }` for the next page's link.
 * @example toQueryString({ ...emptySearch(), q: 'choir', days: [2] }) // 'q=choir&day=tue'
 */
export function toQueryString(
	search: DirectorySearch,
	changes: Partial<DirectorySearch> = {}
): string {
	const s = { ...search, ...changes };
	const params = new URLSearchParams();
	const set = (name: string, value: string | number | null) => {
		if (value !== null && value !== '') params.append(name, String(value));
	};
	set('q', s.q);
	set('category', s.category);
	for (const kind of s.kinds) set('kind', kind);
	for (const day of s.days) set('day', DAY_CODES[day - 1]);
	for (const time of s.times) set('time', time);
	set('cost', s.cost);
	set('age', s.age);
	for (const feature of s.access) set('access', feature);
	set('language', s.language);
	set('patch', s.patch);
	set('postcode', s.postcode);
	if (!s.postcode && s.point) {
		set('lat', s.point[1]);
		set('lon', s.point[0]);
	}
	set('radius', s.radiusKm);
	set('sort', s.sort);
	if (s.page > 1) set('page', s.page);
	return params.toString();
}

/**
 * The query string for the same search measured from a new place (a click on the map or the
 * browser's location): any postcode gives way to the point, paging starts again, and five decimal
 * places (about a metre) keep the URL short.
 * @example nearPointQuery({ ...emptySearch(), q: 'choir' }, [-2.3456789, 53.4]) // 'q=choir&lat=53.4&lon=-2.34568'
 */
export function nearPointQuery(search: DirectorySearch, [lon, lat]: [number, number]): string {
	const round = (value: number) => Math.round(value * 1e5) / 1e5;
	return toQueryString(search, { postcode: null, point: [round(lon), round(lat)], page: 1 });
}
