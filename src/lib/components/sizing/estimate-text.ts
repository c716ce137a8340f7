/** The words an estimate is shown in: on the patch page, in the editor and in its announcements. */
import { BAND_LABELS, describeBand, type Band, type DesignLimits } from '$lib/domain/bands';
import { formatNumber } from '$lib/domain/format';
import type { Lang } from '$lib/domain/sessions';
import type { GeometryProblem, SizingMethod } from '$lib/domain/sizing/types';

/**
 * The estimate's words, one table per language. The patch page is public (English and Welsh); the
 * council's editor and its announcements are English only.
 */
const WORDS = {
	en: {
		methods: {
			areal: 'areal weighting',
			centroid: 'whole small areas by their centre point'
		} satisfies Record<SizingMethod, string>,
		// {set} is the population set's name, which the council typed: a page may mark its language.
		population: 'Population: about {n} ({method}, {set} population set). Usual size: {usual}',
		byCentroid: 'Counting whole small areas by their centre point: {n}',
		byAreal: 'By areal weighting: {n}'
	},
	cy: {
		methods: {
			areal: 'pwysoli yn ôl arwynebedd',
			centroid: 'ardaloedd bach cyfan yn ôl eu pwynt canol'
		} satisfies Record<SizingMethod, string>,
		population: 'Poblogaeth: tua {n} ({method}, y set poblogaeth {set}). Maint arferol: {usual}',
		byCentroid: 'O gyfrif ardaloedd bach cyfan yn ôl eu pwynt canol: {n}',
		byAreal: 'Drwy bwysoli yn ôl arwynebedd: {n}'
	}
} as const;

export interface EstimateFigures {
	/** People by areal weighting, unrounded. */
	areal: number;
	/** People counting whole small areas by their representative point. */
	centroid: number;
	method: SizingMethod;
	band: Band;
}

/** What the editor's estimate panel shows: the engine's estimate without the programme-wide parts. */
export interface PanelEstimate extends EstimateFigures {
	guidance: string;
	areaKm2: number;
	problems: GeometryProblem[];
}

/** The population by the estimate's own method, rounded to whole people. */
export function populationOf(figures: EstimateFigures): number {
	return Math.round(figures.method === 'areal' ? figures.areal : figures.centroid);
}

/** The headline line in three parts, so a page can mark the population set's name with `lang`. */
export interface PopulationLineParts {
	before: string;
	/** The population set's name, as the council entered it. */
	setName: string;
	after: string;
}

/**
 * The headline line split around the population set's name.
 * @example populationLineParts(e, 'Mid-2022', limits, 'cy')
 * // { before: 'Poblogaeth: tua 10,936 (pwysoli yn ôl arwynebedd, y set poblogaeth ', setName: 'Mid-2022', after: '). Maint arferol: 10,000 i 12,000' }
 */
export function populationLineParts(
	figures: EstimateFigures,
	populationSetName: string,
	limits: DesignLimits,
	lang: Lang = 'en'
): PopulationLineParts {
	const words = WORDS[lang];
	const [before, after] = words.population
		.replace('{n}', formatNumber(populationOf(figures), { lang }))
		.replace('{method}', words.methods[figures.method])
		.replace('{usual}', describeBand('usual', limits, lang))
		.split('{set}');
	return { before, setName: populationSetName, after };
}

/**
 * The headline line: how many people, counted how, from which figures, against the usual size.
 * @example populationLine(e, 'Mid-2022', limits) // 'Population: about 10,936 (areal weighting, Mid-2022 population set). Usual size: 10,000 to 12,000'
 */
export function populationLine(
	figures: EstimateFigures,
	populationSetName: string,
	limits: DesignLimits,
	lang: Lang = 'en'
): string {
	const { before, setName, after } = populationLineParts(figures, populationSetName, limits, lang);
	return before + setName + after;
}

/**
 * The other method's figure, shown beside the headline so a reader sees how far they differ.
 * @example otherMethodLine(e, 'cy') // 'O gyfrif ardaloedd bach cyfan yn ôl eu pwynt canol: 10,890'
 */
export function otherMethodLine(figures: EstimateFigures, lang: Lang = 'en'): string {
	const words = WORDS[lang];
	return figures.method === 'areal'
		? words.byCentroid.replace('{n}', formatNumber(Math.round(figures.centroid), { lang }))
		: words.byAreal.replace('{n}', formatNumber(Math.round(figures.areal), { lang }));
}

/**
 * One sentence for a screen reader after the shape changes.
 * @example announcement(e, 'Remove about 1,510 people to be under 15,000') // 'About 16,505 people. Over the limit. Remove about 1,510 people to be under 15,000.'
 */
export function announcement(figures: EstimateFigures, guidance: string): string {
	return `About ${formatNumber(populationOf(figures))} people. ${BAND_LABELS[figures.band]}. ${guidance}.`;
}

/** A latitude and longitude as people can find them on another map: 5 decimal places (about 1 m). */
export function formatPlace([lon, lat]: [number, number]): string {
	return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

/**
 * A geometry problem with where it is, e.g. "The boundary crosses itself at 1 point: near
 * 53.09512, -2.94449". At most three places are listed.
 */
export function describeProblem(problem: Pick<GeometryProblem, 'message' | 'at'>): string {
	if (problem.at.length === 0) return problem.message;
	const places = problem.at.slice(0, 3).map(formatPlace);
	const more = problem.at.length - places.length;
	return `${problem.message}: near ${places.join('; ')}${more > 0 ? ` and ${more} more` : ''}`;
}
