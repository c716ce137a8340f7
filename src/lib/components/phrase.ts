/**
 * A message with an entry's name in it, in parts, so the name can carry `lang="en"` when English shows
 * on a Welsh page; on a Welsh page a Welsh name after "yn" takes its mutation ("yng Nghanol Tref").
 */
import { inWelshPlace } from '$lib/domain/phrases';
import type { Lang } from '$lib/domain/sessions';

/** An entry's text as localText gives it: `lang` is set when it is not in the page's language. */
export interface LocalName {
	text: string;
	lang: Lang | undefined;
}

export interface PhrasePart {
	text: string;
	lang?: Lang;
}

/** A private-use character: no translation contains it, so it marks where the name goes. */
const SLOT = '\u{E000}';

/**
 * The parts of `message(name)`: the text before the name, the name, the text after.
 *
 * @example phraseParts((patch) => m.print_title({ patch }), { text: 'Canol Tref Fennick', lang: undefined }, 'cy')
 * // [{ text: 'Beth sydd ymlaen ' }, { text: 'yng Nghanol Tref Fennick' }]
 */
export function phraseParts(
	message: (name: string) => string,
	name: LocalName,
	pageLang: Lang
): PhrasePart[] {
	const [whole, after = ''] = message(SLOT).split(SLOT);
	let before = whole;
	let nameText = name.text;
	// Only a Welsh name mutates: "yn Aldermoor" stays as it is.
	const yn = pageLang === 'cy' && !name.lang ? /(?:^|\s)([Yy]n) $/.exec(before) : null;
	if (yn) {
		before = before.slice(0, before.length - 3);
		nameText = inWelshPlace(name.text, yn[1] === 'Yn');
	}
	const parts: PhrasePart[] = [
		{ text: before },
		{ text: nameText, lang: name.lang },
		{ text: after }
	];
	return parts.filter((part) => part.text !== '');
}

/** The same as plain text, for places that cannot hold markup: titles, meta tags, aria-labels. */
export function phraseText(
	message: (name: string) => string,
	name: LocalName,
	pageLang: Lang
): string {
	return phraseParts(message, name, pageLang)
		.map((part) => part.text)
		.join('');
}
