/** The words an estimate is shown in: on the patch page, in the editor and in its announcements. */
import { BAND_LABELS, describeBand, type Band, type DesignLimits } from '$lib/domain/bands';
import { formatNumber } from '$lib/domain/format';
import type { GeometryProblem, SizingMethod } from '$lib/domain/sizing/types';

const METHOD_WORDS: Record<SizingMethod, string> = {
	areal: 'areal weighting',
	centroid: 'whole small areas by their centre point'
};

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

/**
 * The headline line: how many people, counted how, from which figures, against the usual size.
 * @example populationLine(e, 'Mid-2022', limits) // 'Population: about 10,936 (areal weighting, Mid-2022 population set). Usual size: 10,000 to 12,000'
 */
export function populationLine(
	figures: EstimateFigures,
	populationSetName: string,
	limits: DesignLimits
): string {
	return (
		`Population: about ${formatNumber(populationOf(figures))} ` +
		`(${METHOD_WORDS[figures.method]}, ${populationSetName} population set). ` +
		`Usual size: ${describeBand('usual', limits)}`
	);
}

/** The other method's figure, shown beside the headline so a reader sees how far they differ. */
export function otherMethodLine(figures: EstimateFigures): string {
	return figures.method === 'areal'
		? `Counting whole small areas by their centre point: ${formatNumber(Math.round(figures.centroid))}`
		: `By areal weighting: ${formatNumber(Math.round(figures.areal))}`;
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
