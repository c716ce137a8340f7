/**
 * Reading one value from a row or feature: blank markers ("NA", "N/A", "None") are blank, web
 * addresses get their scheme, emails and phone numbers are checked for shape. Each reader returns
 * the value or null, with a warning when a value was there but unusable.
 */

/** Values councils' and R's exports write for "nothing here". Compared without case. */
const BLANK_MARKERS = new Set([
	'',
	'na',
	'n/a',
	'n.a.',
	'null',
	'none',
	'nil',
	'undefined',
	'-',
	'--',
	'nan'
]);

/**
 * A value as trimmed text, or null when it is missing, blank or a blank marker. Numbers become
 * text (a float-typed id such as 1043459.0 becomes "1043459"); objects and lists are not text.
 * @example textOf(' N/A ') // null
 * @example textOf(1043459.0) // '1043459'
 */
export function textOf(value: unknown): string | null {
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	if (typeof value !== 'string') return null;
	const text = value.trim();
	return BLANK_MARKERS.has(text.toLowerCase()) ? null : text;
}

/** A text value with its spaces collapsed onto one line (names, addresses). */
export function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

export type Checked = { value: string | null; warning: string | null };

/**
 * A web address, with https:// added to a bare "www.example.org" or "example.org".
 * @example websiteOf('www.can.uk.com').value // 'https://www.can.uk.com'
 */
export function websiteOf(raw: string | null): Checked {
	if (raw === null) return { value: null, warning: null };
	const text = raw.trim();
	const withScheme = /^https?:\/\//i.test(text)
		? text
		: /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(text)
			? `https://${text}`
			: null;
	if (withScheme) {
		try {
			const url = new URL(withScheme);
			if (url.hostname.includes('.')) return { value: url.href, warning: null };
		} catch {
			// Falls through to the warning.
		}
	}
	return {
		value: null,
		warning: `website "${text.slice(0, 80)}" is not a web address, so it was left out`
	};
}

/** An email address, or null with a warning when it is not shaped like one. */
export function emailOf(raw: string | null): Checked {
	if (raw === null) return { value: null, warning: null };
	const text = raw.trim().replace(/^mailto:/i, '');
	if (/^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/.test(text))
		return { value: text, warning: null };
	return {
		value: null,
		warning: `email "${text.slice(0, 80)}" is not an email address, so it was left out`
	};
}

/** A phone number as written, or null with a warning when it has too few digits to be one. */
export function phoneOf(raw: string | null): Checked {
	if (raw === null) return { value: null, warning: null };
	const text = oneLine(raw);
	const digits = text.replace(/\D/g, '').length;
	if (digits >= 6 && digits <= 15 && /^[+()\d\s.-]+(\s*(ext|x)\.?\s*\d+)?$/i.test(text)) {
		return { value: text, warning: null };
	}
	return {
		value: null,
		warning: `phone "${text.slice(0, 80)}" is not a phone number, so it was left out`
	};
}

/**
 * A postcode as typed, with the common slip of a letter O for the zero that must start the inward
 * code fixed ("WA15 OHF" is WA15 0HF): the inward code is always a digit then two letters.
 */
export function repairPostcode(raw: string): { postcode: string; repaired: boolean } {
	const compact = raw.toUpperCase().replace(/\s+/g, '');
	const match = /^([A-Z]{1,2}[0-9][A-Z0-9]?)O([A-Z]{2})$/.exec(compact);
	if (match) return { postcode: `${match[1]} 0${match[2]}`, repaired: true };
	return { postcode: raw.trim(), repaired: false };
}
