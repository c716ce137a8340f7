/**
 * Patchwork -> HSDS 3.0 UK profile. Every published asset is a service (and its own organization);
 * the place it is at is a location: a published venue's place for assets that meet there, otherwise
 * the asset's own point. Online and roaming assets have no location. See MAPPING.md.
 * Callers pass only what a visitor may see (published assets, public contacts): this module does
 * not filter.
 */
import { COST_LABELS, LANGUAGE_NAMES, type AssetKind, type CostKind } from '../../vocabulary';
import { isEmail, isWebUrl } from './formats';
import type { HsdsIds } from './ids';
import { sessionToSchedule, type SessionRow } from './schedule';
import { accessibilityLabel, type TermCatalogue } from './taxonomy';
import type {
	HsdsAttribute,
	HsdsContact,
	HsdsLocation,
	HsdsLocationSummary,
	HsdsPage,
	HsdsService,
	HsdsServiceAtLocation,
	HsdsServiceAtLocationSummary,
	HsdsServiceDetail,
	HsdsServiceSummary
} from './types';

/** The place an asset is at: its own, or its venue's. */
export interface PlaceForHsds {
	/** The asset whose place this is (the venue, or the asset itself). */
	assetId: number;
	name: string;
	description: string;
	lon: number;
	lat: number;
	address: string | null;
	postcode: string | null;
	accessibility: string[];
}

/** One published asset with its public details, as the API's queries load it. */
export interface AssetForHsds {
	id: number;
	kind: AssetKind;
	sector: string | null;
	name: string;
	description: string;
	accessibility: string[];
	ageMin: number | null;
	ageMax: number | null;
	cost: string | null;
	costDetail: string | null;
	languages: string[];
	lastVerifiedOn: string | null;
	updatedAt: string;
	categoryIds: string[];
	/** Public contacts only, in id order. */
	contacts: { id: number; kind: string; label: string | null; value: string }[];
	sessions: SessionRow[];
	place: PlaceForHsds | null;
}

export interface HsdsContext {
	ids: HsdsIds;
	catalogue: TermCatalogue;
}

function firstContact(asset: AssetForHsds, kind: string, valid: (value: string) => boolean) {
	return asset.contacts.find((contact) => contact.kind === kind && valid(contact.value))?.value;
}

/** The fields shared by a service's list and full forms. */
export function toServiceSummary(asset: AssetForHsds, { ids }: HsdsContext): HsdsServiceSummary {
	const serviceId = ids.row('service', asset.id);
	const url = firstContact(asset, 'website', isWebUrl);
	const email = firstContact(asset, 'email', isEmail);
	const organizationId = ids.row('organization', asset.id);
	const fees = asset.costDetail ?? (asset.cost ? COST_LABELS[asset.cost as CostKind] : undefined);
	return {
		id: serviceId,
		organization_id: organizationId,
		name: asset.name,
		description: asset.description,
		...(url ? { url } : {}),
		...(email ? { email } : {}),
		status: 'active',
		...(fees ? { fees } : {}),
		...(asset.ageMin !== null ? { minimum_age: asset.ageMin } : {}),
		...(asset.ageMax !== null ? { maximum_age: asset.ageMax } : {}),
		...(asset.lastVerifiedOn ? { assured_date: asset.lastVerifiedOn } : {}),
		last_modified: asset.updatedAt,
		// Patchwork does not record who runs an asset, so each asset is its own organization.
		organization: {
			id: organizationId,
			name: asset.name,
			description: asset.description || asset.name,
			...(email ? { email } : {}),
			...(url ? { website: url } : {})
		}
	};
}

function attributes(asset: AssetForHsds, { ids, catalogue }: HsdsContext): HsdsAttribute[] {
	const serviceId = ids.row('service', asset.id);
	const keys = [
		...asset.categoryIds.map((id) => `category:${id}`),
		`kind:${asset.kind}`,
		...(asset.sector ? [`sector:${asset.sector}`] : []),
		...asset.accessibility.map((code) => `accessibility:${code}`)
	];
	return keys.flatMap((key) => {
		const term = catalogue.byKey.get(key);
		if (!term) return [];
		return [
			{
				id: ids.child('attribute', asset.id, key),
				link_id: serviceId,
				link_type: key.slice(0, key.indexOf(':')),
				link_entity: 'service' as const,
				taxonomy_term_id: term.id,
				taxonomy_term: term
			}
		];
	});
}

function contacts(asset: AssetForHsds, { ids }: HsdsContext): HsdsContact[] {
	const serviceId = ids.row('service', asset.id);
	return asset.contacts.flatMap((contact): HsdsContact[] => {
		const id = ids.row('contact', contact.id);
		const base = { id, service_id: serviceId };
		switch (contact.kind) {
			case 'phone':
				return [
					{
						...base,
						name: contact.label ?? 'Phone',
						phones: [
							{
								id: ids.row('phone', contact.id),
								contact_id: id,
								number: contact.value,
								...(contact.label ? { description: contact.label } : {})
							}
						]
					}
				];
			case 'email':
				// HSDS 3.0 types contact email as an email address; a malformed one is left out.
				return isEmail(contact.value)
					? [{ ...base, name: contact.label ?? 'Email', email: contact.value }]
					: [];
			case 'person':
				return [
					{ ...base, name: contact.value, ...(contact.label ? { title: contact.label } : {}) }
				];
			default:
				// Websites travel as the service's url (the first one only).
				return [];
		}
	});
}

/** A service with everything but its locations: the form nested inside a service_at_location. */
export function toServiceDetail(asset: AssetForHsds, context: HsdsContext): HsdsServiceDetail {
	const { ids } = context;
	const serviceId = ids.row('service', asset.id);
	return {
		...toServiceSummary(asset, context),
		schedules: asset.sessions.map((session) =>
			sessionToSchedule(session, ids.row('schedule', session.id), serviceId)
		),
		languages: asset.languages.map((code) => ({
			id: ids.child('language', asset.id, code),
			service_id: serviceId,
			name: LANGUAGE_NAMES[code] ?? code,
			code
		})),
		cost_options: asset.cost
			? [
					{
						id: ids.row('cost_option', asset.id),
						service_id: serviceId,
						option: COST_LABELS[asset.cost as CostKind] ?? asset.cost,
						...(asset.cost === 'free' ? { amount: 0 } : {}),
						...(asset.costDetail ? { amount_description: asset.costDetail } : {})
					}
				]
			: [],
		contacts: contacts(asset, context),
		attributes: attributes(asset, context)
	};
}

/** A location in list form (no addresses or accessibility). */
export function toLocationSummary(place: PlaceForHsds, { ids }: HsdsContext): HsdsLocationSummary {
	return {
		id: ids.row('location', place.assetId),
		location_type: 'physical',
		name: place.name,
		...(place.description ? { description: place.description } : {}),
		latitude: place.lat,
		longitude: place.lon
	};
}

/** A full location: its address (split at the last comma into street and town) and access features. */
export function toLocation(place: PlaceForHsds, context: HsdsContext): HsdsLocation {
	const { ids } = context;
	const locationId = ids.row('location', place.assetId);
	const parts = (place.address ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
	const city = parts.length > 1 ? parts.pop()! : '';
	const hasAddress = parts.length > 0 || city || place.postcode;
	return {
		...toLocationSummary(place, context),
		addresses: hasAddress
			? [
					{
						id: ids.row('address', place.assetId),
						location_id: locationId,
						address_1: parts.join(', '),
						city,
						state_province: '',
						postal_code: place.postcode ?? '',
						country: 'GB',
						address_type: 'physical'
					}
				]
			: [],
		accessibility: place.accessibility.map((code) => ({
			id: ids.child('accessibility', place.assetId, code),
			location_id: locationId,
			description: accessibilityLabel(code),
			accessibility: accessibilityLabel(code)
		}))
	};
}

/** The fully nested service, as /services/{id} returns it. */
export function toService(asset: AssetForHsds, context: HsdsContext): HsdsService {
	const { ids } = context;
	const serviceId = ids.row('service', asset.id);
	return {
		...toServiceDetail(asset, context),
		service_at_locations: asset.place
			? [
					{
						id: ids.row('service_at_location', asset.id),
						service_id: serviceId,
						location_id: ids.row('location', asset.place.assetId),
						location: toLocation(asset.place, context)
					}
				]
			: []
	};
}

/** An asset at its place, in list form; null for online and roaming assets. */
export function toServiceAtLocationSummary(
	asset: AssetForHsds,
	context: HsdsContext
): HsdsServiceAtLocationSummary | null {
	if (!asset.place) return null;
	const { ids } = context;
	return {
		id: ids.row('service_at_location', asset.id),
		service_id: ids.row('service', asset.id),
		location_id: ids.row('location', asset.place.assetId),
		location: toLocationSummary(asset.place, context),
		service: toServiceSummary(asset, context)
	};
}

/** An asset at its place, fully nested; null for online and roaming assets. */
export function toServiceAtLocation(
	asset: AssetForHsds,
	context: HsdsContext
): HsdsServiceAtLocation | null {
	if (!asset.place) return null;
	const { ids } = context;
	const service = toServiceDetail(asset, context);
	return {
		id: ids.row('service_at_location', asset.id),
		name: service.name,
		status: service.status,
		service_id: ids.row('service', asset.id),
		location_id: ids.row('location', asset.place.assetId),
		location: toLocation(asset.place, context),
		service
	};
}

/**
 * The profile's paged envelope. `size` is the number of items on this page; past the last page the
 * contents are empty and `empty` is true.
 * @example toPage(['a'], 3, 2, 1) // { total_items: 3, total_pages: 3, page_number: 2, size: 1, first_page: false, last_page: false, empty: false, contents: ['a'] }
 */
export function toPage<T>(
	contents: T[],
	total: number,
	page: number,
	perPage: number
): HsdsPage<T> {
	const totalPages = Math.ceil(total / perPage);
	return {
		total_items: total,
		total_pages: totalPages,
		page_number: page,
		size: contents.length,
		first_page: page === 1,
		last_page: page >= totalPages,
		empty: contents.length === 0,
		contents
	};
}
