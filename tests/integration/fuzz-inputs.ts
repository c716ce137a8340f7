/**
 * Generated hostile input for the fuzz test, from a small seeded generator (so a failure can be
 * repeated with the same seed): query strings, form bodies, route parameters and import files built
 * from prototype names, very long values, unicode, invalid percent-encoding, repeated parameters
 * and markup.
 */

/** mulberry32: a fixed sequence of numbers in [0, 1) from a seed. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export type Random = () => number;

export const pick = <T>(random: Random, list: readonly T[]): T =>
	list[Math.floor(random() * list.length)];

/** Markup that must never come back unescaped: the test looks for MARKER in answers. */
export const MARKER = 'fz9x';
export const MARKUP = [
	`<script>alert("${MARKER}")</script>`,
	`"><img src=x onerror=alert('${MARKER}')>`,
	`<svg/onload=${MARKER}>`,
	`javascript:alert('${MARKER}')`,
	`</textarea><b>${MARKER}</b>`
];

export const PROTOTYPE_NAMES = [
	'__proto__',
	'constructor',
	'toString',
	'valueOf',
	'hasOwnProperty'
];

const UNICODE = [
	'Caffi Cymraeg ŵ ŷ â',
	'😀👨‍👩‍👧‍👦',
	'\u202e\u0645\u0631\u062d\u0628\u0627',
	'e\u0301\u0301\u0301',
	'\u0000\u0001\u0007',
	'\ud800',
	'\uffff\ufeff',
	'中文名称',
	'ＡＢＣ'
];

const ODD = [
	'',
	' ',
	'0',
	'-1',
	'1e308',
	'NaN',
	'Infinity',
	'null',
	'undefined',
	'true',
	'[]',
	'{}',
	'%',
	'%zz',
	'%E0%A4%A',
	'%ff%fe',
	'%00',
	'../../etc/passwd',
	"'; DROP TABLE assets; --",
	'" OR 1=1 --',
	'NEAR(a b) AND OR NOT *',
	'=HYPERLINK("http://x")',
	'a'.repeat(10),
	'M1 1AA',
	'53.4,-2.3',
	'2026-02-30',
	'25:99'
];

/** A value of any kind the fuzz uses, sometimes very long. */
export function value(random: Random, known: readonly string[] = []): string {
	const r = random();
	if (r < 0.1) return pick(random, PROTOTYPE_NAMES);
	if (r < 0.25) return pick(random, MARKUP);
	if (r < 0.35) return pick(random, UNICODE);
	if (r < 0.4)
		return pick(random, ['x', 'é', '<a>', '%']).repeat(1 + Math.floor(random() * 20_000));
	if (r < 0.6 && known.length) return pick(random, known);
	if (r < 0.8) return pick(random, ODD);
	return Math.floor(random() * 1e6).toString(36) + pick(random, ['', '<', '"', '&', '\n']);
}

/**
 * Percent-encodes text; a lone surrogate (which encodeURIComponent refuses) becomes the bytes of
 * an invalid UTF-8 sequence, which a browser could send.
 */
export function percentEncode(text: string): string {
	try {
		return encodeURIComponent(text);
	} catch {
		return text
			.split(/([\ud800-\udfff])/)
			.map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
			.join('');
	}
}

const encode = (random: Random, text: string) =>
	// Sometimes raw (unencoded, possibly invalid percent sequences), usually encoded.
	random() < 0.2 ? text.replace(/[&#\s]/g, '') : percentEncode(text);

/**
 * A query string of 0-8 parameters: real names (`names`) and hostile ones, repeated at times,
 * with raw or encoded values, and sometimes bracket forms (`a[]=`, `a[b]=`).
 */
export function queryString(
	random: Random,
	names: readonly string[],
	known: readonly string[] = []
): string {
	const parts: string[] = [];
	const count = Math.floor(random() * 9);
	for (let i = 0; i < count; i++) {
		let name = random() < 0.6 ? pick(random, names) : value(random);
		if (random() < 0.1) name += pick(random, ['[]', '[x]', '.x', '[__proto__]']);
		if (name.length > 200) name = name.slice(0, 200);
		const repeat = random() < 0.15 ? 2 + Math.floor(random() * 3) : 1;
		for (let j = 0; j < repeat; j++)
			parts.push(`${encode(random, name)}=${encode(random, value(random, known))}`);
	}
	if (random() < 0.05) parts.push('%', '&&', '=', '==x');
	return parts.join('&');
}

/** Form fields: the form's own names filled with hostile values, plus hostile extra names. */
export function formFields(
	random: Random,
	names: readonly string[],
	known: readonly string[] = []
): [string, string][] {
	const fields: [string, string][] = [];
	for (const name of names) {
		if (random() < 0.85) fields.push([name, value(random, known)]);
		if (random() < 0.1) fields.push([name, value(random, known)]);
	}
	const extra = Math.floor(random() * 4);
	for (let i = 0; i < extra; i++) fields.push([pick(random, PROTOTYPE_NAMES), value(random)]);
	return fields;
}

/** A route parameter: a real one, a hostile one, or one cut from the two. */
export function routeParam(random: Random, known: readonly string[]): string {
	const r = random();
	if (r < 0.3 && known.length) return pick(random, known);
	if (r < 0.4) return known.length ? pick(random, known) + value(random) : value(random);
	return value(random);
}

/** A property bag with hostile keys and values, nested at times, for import records. */
export function hostileRecord(random: Random, names: readonly string[]): Record<string, unknown> {
	const record: Record<string, unknown> = Object.create(null);
	for (const name of names) {
		if (random() < 0.2) continue;
		const r = random();
		record[name] =
			r < 0.6
				? value(random)
				: r < 0.7
					? Math.floor(random() * 1e9) * (random() < 0.5 ? -1 : 1)
					: r < 0.78
						? null
						: r < 0.86
							? [value(random), { [pick(random, PROTOTYPE_NAMES)]: value(random) }]
							: r < 0.93
								? { [pick(random, PROTOTYPE_NAMES)]: value(random) }
								: random() < 0.5;
	}
	for (const name of PROTOTYPE_NAMES) if (random() < 0.3) record[name] = value(random);
	return record;
}
