/**
 * HTML to plain text, for descriptions in feeds (real feeds carry `<p>`, `<h4>`, `<ul>` and `&nbsp;`).
 * Patchwork stores text and escapes it when showing it, so the result is safe however it is used:
 * no tag survives, scripts and styles are dropped with their content, entities are decoded once.
 */

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	pound: '£',
	euro: '€',
	ndash: '–',
	mdash: '—',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	hellip: '…',
	bull: '•',
	copy: '©',
	eacute: 'é',
	egrave: 'è',
	acirc: 'â',
	ecirc: 'ê',
	ocirc: 'ô',
	wcirc: 'ŵ',
	ycirc: 'ŷ',
	shy: ''
};

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code =
				body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
			// Control characters and invalid code points become nothing rather than garbage.
			if (
				!Number.isInteger(code) ||
				code < 32 ||
				code > 0x10ffff ||
				(code >= 0xd800 && code <= 0xdfff)
			)
				return '';
			return String.fromCodePoint(code);
		}
		return NAMED[body.toLowerCase()] ?? whole;
	});
}

/**
 * Plain text from an HTML fragment: block ends become line breaks, list items start with "• ",
 * runs of spaces collapse, at most one blank line in a row.
 * @example htmlToText('<p>Hot&nbsp;drinks</p><ul><li>Tea</li><li>Coffee</li></ul>')
 * // 'Hot drinks\n\n• Tea\n• Coffee'
 */
export function htmlToText(html: string): string {
	const text = html
		.replace(/<!--[\s\S]*?(-->|$)/g, '')
		.replace(/<(script|style|template|iframe|object)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<li\b[^>]*>/gi, '\n• ')
		.replace(/<\/(p|div|h[1-6]|ul|ol|table|blockquote|section|article)\s*>/gi, '\n\n')
		.replace(/<\/(li|tr)\s*>/gi, '')
		.replace(/<(p|div|h[1-6]|ul|ol|table|blockquote|tr)\b[^>]*>/gi, '\n')
		.replace(/<\/?[a-z][^>]*>/gi, '')
		// A stray "<" that opened no tag stays as text; a lone unterminated tag at the end goes.
		.replace(/<[a-z][^>]*$/i, '');
	return (
		decodeEntities(text)
			// Control characters (but not tab or line breaks) are never meant as text.
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
			.replace(/\r\n?/g, '\n')
			.replace(/[ \t\u00a0]+/g, ' ')
			.replace(/ *\n */g, '\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim()
	);
}
