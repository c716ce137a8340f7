/** Writes demo files the same way on every run: fixed key order, tabs, one position per line. */

/** JSON with tab indents and a trailing newline; [lon, lat] pairs stay on one line. */
export function toJson(value: unknown): string {
	const number = '-?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?';
	const pair = new RegExp(`\\[\\s*(${number}),\\s*(${number})\\s*\\]`, 'g');
	return JSON.stringify(value, null, '\t').replace(pair, '[$1, $2]') + '\n';
}
