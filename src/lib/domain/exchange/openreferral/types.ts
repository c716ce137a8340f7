/**
 * The HSDS 3.0 UK profile objects Patchwork publishes, as TypeScript types. Optional fields are left
 * out rather than null: the profile's schemas type them as strings or numbers, so null would fail.
 * Fields marked "HSDS 3.0 core" are not in the UK profile's schemas (which allow extra fields).
 */

export interface HsdsPage<T> {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
}

export interface HsdsTaxonomy {
	id: string;
	name: string;
	description: string;
	uri?: string;
	version?: string;
	taxonomy_terms?: HsdsTaxonomyTerm[];
}

export interface HsdsTaxonomyTerm {
	id: string;
	name: string;
	description: string;
	parent_id?: string;
	taxonomy?: string;
	taxonomy_id?: string;
	term_uri?: string;
	/** The code of the term in its taxonomy: a category slug, an asset kind, a feature code. */
	term?: string;
}

export interface HsdsAttribute {
	id: string;
	link_id: string;
	link_type: string;
	/** HSDS 3.0 core. */
	link_entity: 'service';
	taxonomy_term_id: string;
	taxonomy_term: HsdsTaxonomyTerm;
}

export interface HsdsOrganization {
	id: string;
	name: string;
	description: string;
	email?: string;
	website?: string;
}

export interface HsdsSchedule {
	id: string;
	service_id: string;
	dtstart?: string;
	freq: 'WEEKLY' | 'MONTHLY';
	interval: number;
	byday: string;
	opens_at: string;
	closes_at: string;
	description: string;
	notes?: string;
}

export interface HsdsPhone {
	id: string;
	contact_id: string;
	number: string;
	description?: string;
}

export interface HsdsContact {
	id: string;
	service_id: string;
	name?: string;
	title?: string;
	/** HSDS 3.0 core. */
	email?: string;
	/** HSDS 3.0 core. */
	phones?: HsdsPhone[];
}

export interface HsdsLanguage {
	id: string;
	service_id: string;
	/** HSDS 3.0 core. */
	name: string;
	/** HSDS 3.0 core: the BCP 47 code Patchwork stores. */
	code: string;
}

export interface HsdsCostOption {
	id: string;
	service_id: string;
	option: string;
	amount?: number;
	amount_description?: string;
}

export interface HsdsAddress {
	id: string;
	location_id: string;
	address_1: string;
	city: string;
	state_province: string;
	postal_code: string;
	country: string;
	address_type: 'physical';
}

export interface HsdsAccessibility {
	id: string;
	location_id: string;
	description: string;
	accessibility: string;
}

export interface HsdsLocationSummary {
	id: string;
	location_type: 'physical';
	name: string;
	description?: string;
	latitude: number;
	longitude: number;
}

export interface HsdsLocation extends HsdsLocationSummary {
	addresses: HsdsAddress[];
	accessibility: HsdsAccessibility[];
}

export interface HsdsServiceSummary {
	id: string;
	organization_id: string;
	name: string;
	description: string;
	url?: string;
	email?: string;
	status: 'active';
	fees?: string;
	minimum_age?: number;
	maximum_age?: number;
	assured_date?: string;
	last_modified: string;
	organization: HsdsOrganization;
}

export interface HsdsServiceDetail extends HsdsServiceSummary {
	schedules: HsdsSchedule[];
	languages: HsdsLanguage[];
	cost_options: HsdsCostOption[];
	contacts: HsdsContact[];
	attributes: HsdsAttribute[];
}

export interface HsdsService extends HsdsServiceDetail {
	service_at_locations: {
		id: string;
		service_id: string;
		location_id: string;
		location: HsdsLocation;
	}[];
}

export interface HsdsServiceAtLocationSummary {
	id: string;
	service_id: string;
	location_id: string;
	location: HsdsLocationSummary;
	service: HsdsServiceSummary;
}

/**
 * The 3.0 OpenAPI describes `/service_at_locations/{id}` with compiled/service.json, which needs a
 * name and a status; they are the service's, so the answer meets that schema and service_at_location's.
 */
export interface HsdsServiceAtLocation {
	id: string;
	name: string;
	status: HsdsServiceSummary['status'];
	service_id: string;
	location_id: string;
	location: HsdsLocation;
	service: HsdsServiceDetail;
}
