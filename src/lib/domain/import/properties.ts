/** Finding a feature's code or name among its properties, whatever the file calls them. */

/** Property names compared without case, spaces or punctuation: "OA21CD" matches "oa21cd". */
export function propertyKey(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The actual property name in `properties` matching one of the candidates (tried in order), or null.
 * @example findProperty({ oa21cd: 'E00000001' }, ['OA21CD', 'code']) // 'oa21cd'
 */
export function findProperty(
	properties: Record<string, unknown>,
	candidates: readonly string[]
): string | null {
	const names = Object.keys(properties);
	for (const candidate of candidates) {
		const key = propertyKey(candidate);
		const found = names.find((name) => propertyKey(name) === key);
		if (found !== undefined) return found;
	}
	return null;
}

/** A property's value as trimmed text, or null when it is missing, empty or not text or a number. */
export function textProperty(properties: Record<string, unknown>, name: string): string | null {
	const value = properties[name];
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return null;
	const text = value.trim();
	return text === '' ? null : text;
}
