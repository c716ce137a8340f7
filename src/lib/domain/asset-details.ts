/** Plain-words and safe-link helpers for the details of an asset. */

/**
 * An asset's age range in words.
 * @example describeAges(18, null) // 'Ages 18 and over'
 * @example describeAges(null, null) // 'All ages'
 */
export function describeAges(ageMin: number | null, ageMax: number | null): string {
	if (ageMin === null && ageMax === null) return 'All ages';
	if (ageMin === null || ageMin === 0) return `Ages up to ${ageMax}`;
	if (ageMax === null) return `Ages ${ageMin} and over`;
	if (ageMin === ageMax) return `Age ${ageMin}`;
	return `Ages ${ageMin} to ${ageMax}`;
}

const EMAIL = /^[^\s@<>()"']+@[^\s@<>()"']+\.[A-Za-z]{2,}$/;

/**
 * A link for a contact value, or null when it should be shown as plain text. Only http(s) websites,
 * well-formed emails and phone numbers become links, so no imported value can make a javascript: link.
 * @example contactHref('phone', '01632 960123') // 'tel:+441632960123'
 */
export function contactHref(kind: string, value: string): string | null {
	const trimmed = value.trim();
	if (kind === 'website') {
		try {
			const url = new URL(trimmed);
			return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
		} catch {
			return null;
		}
	}
	if (kind === 'email') return EMAIL.test(trimmed) ? `mailto:${trimmed}` : null;
	if (kind === 'phone') {
		const digits = trimmed.replace(/[\s()-]/g, '');
		if (/^0\d{9,10}$/.test(digits)) return `tel:+44${digits.slice(1)}`;
		if (/^\+\d{8,15}$/.test(digits)) return `tel:${digits}`;
		return null;
	}
	return null;
}
