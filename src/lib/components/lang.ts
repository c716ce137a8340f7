/**
 * The page's language and links that keep it: English at the root, Welsh under /cy (Paraglide's URL
 * strategy). Components call these instead of the Paraglide runtime, so the rule lives in one place.
 */
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import type { Lang } from '$lib/domain/sessions';

/** The language of the page being rendered: 'cy' under /cy, otherwise 'en'. */
export function pageLang(): Lang {
	return getLocale() === 'cy' ? 'cy' : 'en';
}

/** Links already made, by language and path: Paraglide parses URLs three times for each. */
const links = new Map<string, string>();
const MAX_LINKS = 5000;

/** An internal link in the page's language: '/search' on a Welsh page becomes '/cy/search'. */
export function href(path: string): string {
	if (!path.startsWith('/')) return localizeHref(path);
	const key = `${getLocale()}${path}`;
	let link = links.get(key);
	if (link === undefined) {
		link = localizeHref(path);
		if (links.size >= MAX_LINKS) links.clear();
		links.set(key, link);
	}
	return link;
}

/** The same page (path and query string) in the other language, for the language switch. */
export function otherLanguageHref(url: URL): { lang: Lang; href: string } {
	const lang: Lang = pageLang() === 'cy' ? 'en' : 'cy';
	return { lang, href: localizeHref(url.pathname + url.search, { locale: lang }) };
}

/**
 * An entry's text in the page's language: the Welsh version where the entry has one on a Welsh page,
 * otherwise the English, with `lang` set to 'en' when English shows on a Welsh page (for `lang=`).
 */
export function localText(
	english: string,
	welsh: string | null | undefined,
	lang: Lang
): { text: string; lang: Lang | undefined } {
	if (lang === 'cy' && welsh) return { text: welsh, lang: undefined };
	return { text: english, lang: lang === 'cy' ? 'en' : undefined };
}
