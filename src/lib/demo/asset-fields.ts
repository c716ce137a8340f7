/** Small helpers the asset builder uses to fill in one asset's fields. */
import type { DemoAssets } from '../domain/schemas/demo-borough';
import type { AccessibilityFeature, AssetKind } from '../domain/vocabulary';
import type { SmallArea } from './borough';
import type { Random } from './random';

type Asset = DemoAssets[number];

/** Replaces {name} placeholders; an unknown placeholder is a bug in a template, so it throws. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
	return text.replace(/\{(\w+)\}/g, (_, key: string) => {
		const value = values[key];
		if (value === undefined) throw new Error(`no value for {${key}} in "${text}"`);
		return value;
	});
}

/** "free", "low:£2 a session" or "paid:£6 a class" into the cost fields. */
export function parseCost(cost: string | undefined): Pick<Asset, 'cost' | 'costDetail'> {
	if (!cost) return {};
	const [kind, detail] = cost.split(/:(.*)/s) as [Asset['cost'], string | undefined];
	return detail ? { cost: kind, costDetail: detail } : { cost: kind };
}

/**
 * Picks a small area for a new place: town settings favour dense areas, rural ones big areas, and
 * otherwise areas are picked in proportion to their people.
 */
export function pickArea(
	areas: readonly SmallArea[],
	setting: 'town' | 'rural' | undefined,
	rng: Random
): SmallArea {
	if (setting === 'town') return rng.weighted(areas, (a) => (a.population / a.areaKm2) ** 2);
	if (setting === 'rural') return rng.weighted(areas, (a) => a.areaKm2 ** 2);
	return rng.weighted(areas, (a) => a.population);
}

/** Keeps most of a place's features and adds a few that depend on the people who run the group. */
export function pickAccessibility(
	base: readonly AccessibilityFeature[],
	extra: readonly AccessibilityFeature[],
	rng: Random,
	online = false
): AccessibilityFeature[] {
	const kept = new Set(base.filter(() => rng.chance(0.85)));
	for (const feature of extra) kept.add(feature);
	if (!online && rng.chance(0.25)) kept.add('assistance_dogs');
	if (rng.chance(0.08)) kept.add('large_print');
	if (rng.chance(0.04)) kept.add('bsl');
	const order: AccessibilityFeature[] = [
		'step_free',
		'accessible_toilet',
		'hearing_loop',
		'quiet_space',
		'parking',
		'baby_change',
		'large_print',
		'bsl',
		'assistance_dogs',
		'public_transport'
	];
	return order.filter((feature) => kept.has(feature));
}

/** Closing sentences that vary otherwise identical descriptions. */
export const EXTRA_SENTENCES: Readonly<Record<AssetKind, readonly string[]>> = {
	venue: [
		'Buses stop nearby.',
		'Free Wi-Fi.',
		'The noticeboard by the door lists what is on.',
		'Kitchen available to anyone hiring a room.',
		'Run by a volunteer committee.'
	],
	service: [
		'Free and confidential.',
		'Interpreters can be booked.',
		'Home visits for anyone who cannot get out.',
		'You can ask for a call back.'
	],
	informal_support: [
		'Ask a coordinator if you would like an introduction.',
		'Neighbours helping neighbours: no forms and no waiting list.'
	],
	group: [
		'New faces are always welcome.',
		'Tea and biscuits provided.',
		'Just turn up: there is no need to book.',
		'Run by volunteers.',
		'Get in touch before your first visit if you would like someone to meet you at the door.',
		'No experience needed.',
		'Running for more than 20 years.',
		'Bring a friend if you like.'
	]
};

/** Short course titles for adult learning services. */
export const COURSES: readonly string[] = [
	'Computers for Beginners',
	'Everyday Maths',
	'Creative Writing',
	'Watercolour Painting',
	'English for Work'
];
