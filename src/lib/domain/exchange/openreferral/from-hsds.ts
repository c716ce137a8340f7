/**
 * HSDS -> Patchwork: one service from an Open Referral feed (the v3 nested shape, or the flat service
 * arrays councils still publish, with v1 UK field names where they differ) as an asset draft, or the
 * reasons it cannot be one. Pure: the caller supplies the taxonomy matching and postcode lookup.
 * See MAPPING.md.
 */
import {
	ACCESSIBILITY_FEATURES,
	ASSET_KINDS,
	type AccessibilityFeature,
	SERVICE_SECTORS,
	type AssetKind,
	type AssetStatus,
	type ServiceSector
} from '../../vocabulary';
import {
	MAX_DESCRIPTION_LENGTH,
	parseAssetDraft,
	type AssetDraftInput,
	type DraftResult
} from '../asset-draft';
import {
	accessibilityOf,
	contactsOf,
	type ContactNames,
	costOf,
	languagesOf,
	placeOf,
	type Point
} from './from-hsds-parts';
import { htmlToText } from './html-text';
import { list, num, obj, str, type Json } from './hsds-read';
import { scheduleToSessions } from './schedule';

/** A taxonomy term as a feed gives it (v3 attribute term, v1 service_taxonomy, audience tag). */
export interface IncomingTerm {
	id: string | null;
	name: string | null;
	/** The term's code, e.g. a Patchwork category slug. */
	code: string | null;
	taxonomy: string | null;
}

export interface FromHsdsContext {
	/** The draft's source, e.g. "openreferral:bristol"; external ids are unique within it. */
	source: string;
	/** Category used when no term maps to one (the draft needs at least one). */
	defaultCategoryId: string;
	/** Category ids that exist: a term whose code is one of them maps to it (Patchwork's own feeds). */
	knownCategoryIds?: ReadonlySet<string>;
	/** The category for any other term, or null; e.g. from a mapping table the council fills in. */
	categoryFor?: (term: IncomingTerm) => string | null;
	/** Kind for services whose feed does not say (Patchwork's own feeds say). Default "service". */
	defaultKind?: AssetKind;
	/** Sector for services whose feed does not say. Default "community". */
	defaultSector?: ServiceSector;
	/** Status for active services. Default "draft", so a person reviews before anything is public. */
	activeStatus?: AssetStatus;
	/** The centre of a (normalised) postcode, for locations without coordinates. */
	locatePostcode?: (postcode: string) => Point | null;
	/**
	 * Who sees a contact's name (a person's: personal data). Default "coordinators"; "public" only
	 * when the mapping says so (`"contactNames": "public"`).
	 */
	contactNames?: ContactNames;
}

function termsOf(service: Json): IncomingTerm[] {
	const terms: IncomingTerm[] = [];
	const push = (term: Json | null, taxonomy: string | null) => {
		if (!term) return;
		terms.push({
			id: str(term.id),
			name: str(term.name),
			code: str(term.term) ?? str(term.code),
			taxonomy: str(term.taxonomy) ?? str(term.vocabulary) ?? taxonomy
		});
	};
	for (const attribute of list(service.attributes)) push(obj(attribute.taxonomy_term), null);
	for (const link of list(service.service_taxonomys)) push(obj(link.taxonomy), null);
	for (const audience of list(service.pc_targetAudience)) {
		push({ id: audience.id, name: audience.audienceType }, 'pc_targetAudience');
	}
	return terms;
}

/** What the terms say: categories, and Patchwork's own kind, sector and access terms. */
function classify(terms: IncomingTerm[], context: FromHsdsContext) {
	const categories: string[] = [];
	const accessibility: string[] = [];
	let kind: AssetKind | null = null;
	let sector: ServiceSector | null = null;
	for (const term of terms) {
		const taxonomy = term.taxonomy ?? '';
		const code = term.code ?? '';
		if (taxonomy === 'Patchwork asset kinds') {
			if ((ASSET_KINDS as readonly string[]).includes(code)) kind = code as AssetKind;
			if ((SERVICE_SECTORS as readonly string[]).includes(code)) sector = code as ServiceSector;
		} else if (taxonomy === 'Patchwork accessibility features') {
			accessibility.push(code);
		} else if (context.knownCategoryIds?.has(code)) {
			categories.push(code);
		} else {
			const category = context.categoryFor?.(term);
			if (category) categories.push(category);
		}
	}
	return { categories, accessibility, kind, sector };
}

function ages(service: Json, warnings: string[]) {
	const eligibility = list(service.eligibilitys)[0];
	const min = num(service.minimum_age) ?? num(eligibility?.minimum_age);
	const max = num(service.maximum_age) ?? num(eligibility?.maximum_age);
	// Ages are whole years: round outwards so nobody eligible is left out.
	const ageMin = min === null ? null : Math.min(130, Math.max(0, Math.floor(min)));
	const ageMax = max === null ? null : Math.min(130, Math.max(0, Math.ceil(max)));
	if (ageMin !== null && ageMax !== null && ageMin > ageMax) {
		warnings.push(`minimum age ${min} is above maximum age ${max}; both were ignored`);
		return { ageMin: null, ageMax: null };
	}
	return { ageMin, ageMax };
}

function sessionsOf(service: Json, warnings: string[]): AssetDraftInput['sessions'] {
	const v1 = list(service.regular_schedules).map((schedule) => {
		// v1 feeds name the day ("Monday") instead of giving byday.
		const weekday = str(schedule.weekday)?.slice(0, 2).toUpperCase();
		return str(schedule.byday) ? schedule : { ...schedule, byday: weekday };
	});
	const atLocations = list(service.service_at_locations).flatMap((sal) => list(sal.schedules));
	const schedules = [...list(service.schedules), ...atLocations, ...v1];
	return schedules.flatMap((schedule, index) => {
		const result = scheduleToSessions(schedule, `schedule ${index + 1}`);
		warnings.push(...result.warnings);
		return result.sessions;
	});
}

function statusOf(service: Json, context: FromHsdsContext, warnings: string[]): AssetStatus {
	const status = str(service.status)?.toLowerCase() ?? 'active';
	if (status === 'active') return context.activeStatus ?? 'draft';
	if (status === 'defunct') {
		warnings.push('the feed says it is defunct; imported as archived');
		return 'archived';
	}
	warnings.push(`the feed says it is ${status}; imported as a draft`);
	return 'draft';
}

function dateOf(value: unknown): string | null {
	const text = str(value);
	return text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;
}

/**
 * One HSDS service as a Patchwork asset draft, or the reasons it cannot be one (no id, an empty
 * name, a value out of range). Details Patchwork cannot hold are dropped and listed in `warnings`.
 * @example serviceToAssetDraft(feed[0], { source: 'openreferral:bristol', defaultCategoryId: 'health-and-wellbeing' })
 */
export function serviceToAssetDraft(service: unknown, context: FromHsdsContext): DraftResult {
	const record = obj(service);
	if (!record) return { ok: false, reasons: ['it is not a JSON object'] };
	const externalId = str(record.id);
	const name = htmlToText(str(record.name) ?? '');
	const reasons: string[] = [];
	if (!externalId) reasons.push('it has no id');
	if (!name) reasons.push('its name is empty');
	if (reasons.length) return { ok: false, reasons };

	const warnings: string[] = [];
	let description = htmlToText(str(record.description) ?? '');
	if (description.length > MAX_DESCRIPTION_LENGTH) {
		warnings.push(`its description was cut to ${MAX_DESCRIPTION_LENGTH} characters`);
		description = description.slice(0, MAX_DESCRIPTION_LENGTH);
	}
	const terms = classify(termsOf(record), context);
	const categories = terms.categories.length ? terms.categories : [context.defaultCategoryId];
	if (!terms.categories.length) {
		warnings.push(
			`no taxonomy term matched a category; filed under "${context.defaultCategoryId}"`
		);
	}
	const kind = terms.kind ?? context.defaultKind ?? 'service';
	const candidate: AssetDraftInput = {
		source: context.source,
		externalId,
		kind,
		sector: kind === 'service' ? (terms.sector ?? context.defaultSector ?? 'community') : null,
		name,
		description,
		...placeOf(record, context.locatePostcode, warnings),
		accessibility: [...new Set([...terms.accessibility, ...accessibilityOf(record)])].filter(
			(code): code is AccessibilityFeature => code in ACCESSIBILITY_FEATURES
		),
		...ages(record, warnings),
		...costOf(record),
		languages: languagesOf(record, warnings),
		status: statusOf(record, context, warnings),
		lastVerifiedOn: dateOf(record.assured_date),
		categories,
		contacts: contactsOf(record, warnings, context.contactNames),
		sessions: sessionsOf(record, warnings)
	};
	return parseAssetDraft(candidate, warnings);
}
