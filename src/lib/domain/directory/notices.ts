/**
 * Plain messages for parts of a search that could not be used. A bad value never fails the page: it
 * is left out and the resident is told, in English or Welsh. Values typed by a person are shortened
 * before they are echoed; pages must still escape them (Svelte does).
 */
import type { Lang } from '../sessions';

const WORDS = {
	en: {
		q_too_long: 'Your search was too long, so only its first {max} characters were used.',
		q_no_words:
			'Your search “{value}” has no letters or numbers to look for, so everything is shown.',
		category_unknown: 'There is no category “{value}”, so it was not used.',
		kind_unknown: '“{value}” is not a kind of entry, so it was not used.',
		day_unknown: '“{value}” is not a day of the week, so it was not used.',
		time_unknown: '“{value}” is not morning, afternoon or evening, so it was not used.',
		cost_unknown: '“{value}” is not a cost we can search for, so it was not used.',
		age_invalid: 'Enter an age as a whole number from 0 to {max}. “{value}” was not used.',
		access_unknown: '“{value}” is not an accessibility feature we know, so it was not used.',
		language_unknown: '“{value}” is not a language we know, so it was not used.',
		patch_unknown: 'There is no neighbourhood “{value}”, so all neighbourhoods are shown.',
		postcode_invalid:
			'“{value}” is not a full postcode, so distance was not used. Enter a postcode like M1 1AE.',
		postcode_not_found: 'We could not find the postcode {value}, so distance was not used.',
		point_invalid: 'The place given is not on the map, so distance was not used.',
		radius_invalid: 'Enter a distance from {min} to {max} km. {default} km was used instead.',
		sort_unknown: 'We cannot sort by “{value}”, so the usual order is used.',
		sort_needs_place: 'To sort by distance, enter a postcode or choose a place on the map.',
		page_invalid: 'There is no page “{value}”, so the first page is shown.',
		page_past_end: 'There are only {pages} pages of results, so the last page is shown.',
		page_past_end_one: 'There is only 1 page of results, so it is shown.'
	},
	cy: {
		q_too_long: 'Roedd eich chwiliad yn rhy hir, felly dim ond y {max} nod cyntaf a ddefnyddiwyd.',
		q_no_words:
			'Does dim llythrennau na rhifau i chwilio amdanynt yn “{value}”, felly dangosir popeth.',
		category_unknown: 'Does dim categori “{value}”, felly ni chafodd ei ddefnyddio.',
		kind_unknown: 'Nid yw “{value}” yn fath o gofnod, felly ni chafodd ei ddefnyddio.',
		day_unknown: 'Nid yw “{value}” yn ddiwrnod o’r wythnos, felly ni chafodd ei ddefnyddio.',
		time_unknown:
			'Nid yw “{value}” yn fore, prynhawn na gyda’r nos, felly ni chafodd ei ddefnyddio.',
		cost_unknown: 'Ni allwn chwilio am y gost “{value}”, felly ni chafodd ei defnyddio.',
		age_invalid: 'Rhowch oed fel rhif cyfan o 0 i {max}. Ni ddefnyddiwyd “{value}”.',
		access_unknown:
			'Nid yw “{value}” yn nodwedd hygyrchedd rydym yn ei hadnabod, felly ni chafodd ei defnyddio.',
		language_unknown:
			'Nid yw “{value}” yn iaith rydym yn ei hadnabod, felly ni chafodd ei defnyddio.',
		patch_unknown: 'Does dim cymdogaeth “{value}”, felly dangosir pob cymdogaeth.',
		postcode_invalid:
			'Nid yw “{value}” yn god post llawn, felly ni ddefnyddiwyd pellter. Rhowch god post fel M1 1AE.',
		postcode_not_found: 'Ni allem ddod o hyd i’r cod post {value}, felly ni ddefnyddiwyd pellter.',
		point_invalid: 'Nid yw’r lle a roddwyd ar y map, felly ni ddefnyddiwyd pellter.',
		radius_invalid: 'Rhowch bellter o {min} i {max} km. Defnyddiwyd {default} km yn lle hynny.',
		sort_unknown: 'Ni allwn drefnu yn ôl “{value}”, felly defnyddir y drefn arferol.',
		sort_needs_place: 'I drefnu yn ôl pellter, rhowch god post neu dewiswch le ar y map.',
		page_invalid: 'Does dim tudalen “{value}”, felly dangosir y dudalen gyntaf.',
		page_past_end: 'Dim ond {pages} tudalen o ganlyniadau sydd, felly dangosir y dudalen olaf.',
		page_past_end_one: 'Dim ond 1 dudalen o ganlyniadau sydd, felly dangosir honno.'
	}
} as const;

export type NoticeCode = Exclude<keyof (typeof WORDS)['en'], 'page_past_end_one'>;

/** Something in the search that was left out or changed, and why, in plain words. */
export interface Notice {
	code: NoticeCode;
	/** The query-string field it is about, e.g. "postcode", so a page can link to that field. */
	field: string;
	message: string;
}

const ECHO_LIMIT = 40;

/**
 * A value as a message may echo it: control characters removed, at most 40 characters.
 * @example echoValue('x'.repeat(100)) // 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'
 */
export function echoValue(value: string): string {
	// eslint-disable-next-line no-control-regex
	const clean = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
	const chars = Array.from(clean);
	return chars.length > ECHO_LIMIT ? `${chars.slice(0, ECHO_LIMIT - 1).join('')}…` : clean;
}

/**
 * A notice with its message in the page's language. `values.value` is echoed shortened.
 * @example makeNotice('day_unknown', 'day', { value: 'funday' }).message
 * // '“funday” is not a day of the week, so it was not used.'
 */
export function makeNotice(
	code: NoticeCode,
	field: string,
	values: Record<string, string | number> = {},
	lang: Lang = 'en'
): Notice {
	const words = WORDS[lang];
	const pattern =
		code === 'page_past_end' && values.pages === 1 ? words.page_past_end_one : words[code];
	const message = pattern.replace(/\{(\w+)\}/g, (_, key: string) => {
		const value = values[key];
		if (value === undefined) return '';
		if (typeof value === 'number') return value.toLocaleString(lang === 'cy' ? 'cy' : 'en-GB');
		return key === 'value' ? echoValue(value) : value;
	});
	return { code, field, message };
}
