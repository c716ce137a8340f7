/**
 * Builds the demo assets from the templates: venues first (places in small areas, with their own
 * postcodes), then groups, informal supports and services, most of which meet at those venues.
 */
import type { DemoAssets } from '../domain/schemas/demo-borough';
import {
	COURSES,
	EXTRA_SENTENCES,
	fill,
	parseCost,
	pickAccessibility,
	pickArea
} from './asset-fields';
import type { SmallArea } from './borough';
import { makeContacts, type ContactBook } from './contacts';
import { GROUP_TEMPLATES } from './group-templates';
import type { Locality } from './localities';
import { CAFE_NAMES, CHAPELS, PUB_NAMES, SAINTS, STREET_NAMES, slugify } from './names';
import { randomPointInConvex, toLonLat, toXY, type LonLat } from './plane';
import type { PostcodeBook } from './postcodes';
import type { Random } from './random';
import { addDays, parseSessions, REFERENCE_DATE } from './sessions';
import { INFORMAL_TEMPLATES } from './informal-templates';
import { SERVICE_TEMPLATES } from './service-templates';
import type { AssetTemplate, VenueType } from './template-types';
import { VENUE_TEMPLATES } from './venue-templates';

type Asset = DemoAssets[number];

export interface AssetContext {
	areas: readonly SmallArea[];
	vertices: readonly LonLat[];
	localities: readonly Locality[];
	areaLocality: readonly number[];
	/** Patches (by index) whose boundary holds each small area. */
	areaPatches: readonly number[][];
	/** Email of each patch's coordinator, by patch index. */
	coordinatorEmails: readonly string[];
	councilEmail: string;
	postcodes: PostcodeBook;
	contacts: ContactBook;
}

/** A venue with what the builder needs to hang groups and coordinators on it. */
export interface VenueRecord {
	asset: Asset;
	type: VenueType;
	area: number;
	uses: number;
}

/**
 * Builds every asset and returns them with the venues they refer to, and the small area each online
 * or roaming entry was made for (its neighbourhood, by asset ref), to link it to that area's patches.
 * When each was last checked is set afterwards (see ./keeping-true.ts).
 */
export function buildAssets(
	ctx: AssetContext,
	rng: Random
): { assets: Asset[]; venues: VenueRecord[]; homeAreas: Map<string, number> } {
	const assets: Asset[] = [];
	const venues: VenueRecord[] = [];
	const homeAreas = new Map<string, number>();
	const names = new Set<string>();
	const lists: Record<string, string[]> = {
		saint: rng.shuffle(SAINTS),
		chapel: rng.shuffle(CHAPELS),
		cafe: rng.shuffle(CAFE_NAMES),
		pub: rng.shuffle(PUB_NAMES)
	};
	const nextRef = () => `demo-${String(assets.length + 1).padStart(4, '0')}`;

	for (const template of VENUE_TEMPLATES) {
		for (let n = 0; n < template.count; n++) {
			const listKey = Object.keys(lists).find((key) => template.name.includes(`{${key}}`));
			const listValue = listKey ? lists[listKey].pop() : undefined;
			if (listKey && !listValue) break;
			for (let attempt = 0; attempt < 40; attempt++) {
				const area = pickArea(ctx.areas, template.setting, rng);
				const values = valuesFor(
					ctx,
					area.index,
					rng,
					listKey && listValue ? { [listKey]: listValue } : {}
				);
				const name = fill(template.name, values.en);
				if (names.has(name)) continue;
				names.add(name);
				const point = pointIn(ctx, area, rng);
				const asset = makeAsset(ctx, rng, template, values, nextRef(), {
					locationKind: 'place',
					point,
					address: addressFor(template, values.en, rng),
					postcode: ctx.postcodes.newPostcode(area.index, point)
				});
				assets.push(asset);
				venues.push({ asset, type: template.venueType as VenueType, area: area.index, uses: 0 });
				break;
			}
		}
	}

	for (const template of [...GROUP_TEMPLATES, ...INFORMAL_TEMPLATES, ...SERVICE_TEMPLATES]) {
		for (let n = 0; n < template.count; n++) {
			for (let attempt = 0; attempt < 40; attempt++) {
				const made = tryTemplate(ctx, rng, template, venues, names, nextRef(), homeAreas);
				if (made) {
					assets.push(made);
					break;
				}
			}
		}
	}

	markStatuses(assets, venues, rng);
	return { assets, venues, homeAreas };
}

interface Values {
	en: Record<string, string>;
	cy: Record<string, string>;
	locality: Locality;
	area: number | null;
}

function valuesFor(
	ctx: AssetContext,
	area: number,
	rng: Random,
	extra: Record<string, string> = {}
): Values {
	const locality = ctx.localities[ctx.areaLocality[area]];
	const common = { street: rng.pick(STREET_NAMES), course: rng.pick(COURSES), ...extra };
	return {
		en: { ...common, place: locality.name },
		cy: { ...common, place: locality.nameCy ?? locality.name },
		locality,
		area
	};
}

function pointIn(ctx: AssetContext, area: SmallArea, rng: Random): LonLat {
	const ring = area.ring.map((id) => toXY(ctx.vertices[id]));
	return toLonLat(randomPointInConvex(ring, rng, 0.6));
}

function addressFor(template: AssetTemplate, values: Record<string, string>, rng: Random): string {
	if (template.venueType === 'park' || template.venueType === 'allotments') {
		return `${values.street}, ${values.place}`;
	}
	return `${rng.int(1, 140)} ${values.street}, ${values.place}`;
}

/** One attempt at an asset from a template; undefined when the name is taken or nowhere suits it. */
function tryTemplate(
	ctx: AssetContext,
	rng: Random,
	template: AssetTemplate,
	venues: VenueRecord[],
	names: Set<string>,
	ref: string,
	homeAreas: Map<string, number>
): Asset | undefined {
	const where = rng.pick(template.at);
	let values: Values;
	let homeArea: number | null = null;
	let location: Pick<Asset, 'locationKind' | 'point' | 'address' | 'postcode' | 'venueRef'>;
	let venue: VenueRecord | undefined;
	if (where === 'online' || where === 'roaming') {
		homeArea = pickArea(ctx.areas, undefined, rng).index;
		values = valuesFor(ctx, homeArea, rng);
		values.area = null;
		location = { locationKind: where };
	} else if (where === 'own') {
		const area = pickArea(ctx.areas, 'town', rng);
		values = valuesFor(ctx, area.index, rng);
		const point = pointIn(ctx, area, rng);
		location = {
			locationKind: 'place',
			point,
			address: `${rng.int(1, 140)} ${values.en.street}, ${values.en.place}`,
			postcode: ctx.postcodes.newPostcode(area.index, point)
		};
	} else {
		const candidates = venues.filter((v) => v.type === where);
		if (candidates.length === 0) return undefined;
		venue = rng.weighted(candidates, (v) => 1 / (1 + v.uses) ** 2);
		values = valuesFor(ctx, venue.area, rng);
		values.en.venue = venue.asset.name;
		values.cy.venue = venue.asset.nameCy ?? venue.asset.name;
		location = {
			locationKind: 'place',
			point: venue.asset.point,
			address: venue.asset.address,
			postcode: venue.asset.postcode,
			venueRef: venue.asset.ref
		};
	}
	const name = fill(template.name, values.en);
	if (names.has(name)) return undefined;
	names.add(name);
	if (venue) venue.uses++;
	if (homeArea !== null) homeAreas.set(ref, homeArea);
	return makeAsset(ctx, rng, template, values, ref, location, venue);
}

function makeAsset(
	ctx: AssetContext,
	rng: Random,
	template: AssetTemplate,
	values: Values,
	ref: string,
	location: Pick<Asset, 'locationKind' | 'point' | 'address' | 'postcode' | 'venueRef'>,
	venue?: VenueRecord
): Asset {
	const name = fill(template.name, values.en);
	const welshPlace = values.locality.nameCy !== undefined;
	const welsh =
		template.nameCy !== undefined &&
		(!/\{(place|venue)\}/.test(template.name) || welshPlace || rng.chance(0.5));
	let description = fill(template.description, values.en);
	if (!template.descriptionCy && rng.chance(0.45)) {
		description += ` ${rng.pick(EXTRA_SENTENCES[template.kind])}`;
	}
	const [ageMin, ageMax] = template.ages ?? [null, null];
	const patches = values.area === null ? [] : ctx.areaPatches[values.area];
	const verifier = rng.chance(0.12)
		? ctx.councilEmail
		: patches.length > 0
			? ctx.coordinatorEmails[patches[0]]
			: rng.pick(ctx.coordinatorEmails);
	return {
		ref,
		kind: template.kind,
		sector: template.sector,
		name,
		nameCy: welsh && template.nameCy ? fill(template.nameCy, values.cy) : undefined,
		description,
		descriptionCy:
			welsh && template.descriptionCy ? fill(template.descriptionCy, values.cy) : undefined,
		categories: [...template.categories],
		...location,
		accessibility: pickAccessibility(
			venue ? venue.asset.accessibility : [],
			template.access ?? [],
			rng,
			location.locationKind === 'online'
		),
		ageMin: ageMin ?? undefined,
		ageMax: ageMax ?? undefined,
		familyFriendly: template.family ?? false,
		...parseCost(template.cost),
		languages: [...(template.languages ?? ['en'])],
		status: template.draftShare && rng.chance(template.draftShare) ? 'draft' : 'published',
		lastVerifiedOn: addDays(REFERENCE_DATE, -rng.int(2, 350)),
		lastVerifiedBy: verifier,
		contacts: makeContacts(template.kind, slugify(name), ctx.contacts, rng),
		sessions: template.when ? parseSessions(rng.pick(template.when), rng) : []
	};
}

/**
 * A few new groups wait as drafts (suggested, not yet checked) and a few assets have closed (archived).
 * Only venues no one meets at are closed, so no group points at a closed venue.
 */
function markStatuses(assets: Asset[], venues: readonly VenueRecord[], rng: Random): void {
	const published = (kind: Asset['kind']) =>
		assets.filter((a) => a.kind === kind && a.status === 'published');
	for (const asset of rng.shuffle(published('group')).slice(0, 3)) asset.status = 'draft';
	const unused = venues.filter((v) => v.uses === 0).map((v) => v.asset);
	for (const asset of [
		...rng.shuffle(published('group')).slice(0, 5),
		...rng.shuffle(published('service')).slice(0, 2),
		...rng.shuffle(unused).slice(0, 2)
	]) {
		asset.status = 'archived';
	}
}
