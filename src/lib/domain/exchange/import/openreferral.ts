/**
 * Open Referral feeds: the HSDS 3.0 shapes (a page of services with "contents", or one service)
 * and the flat service lists councils still publish (a JSON array of services, as Bristol's and
 * North Lincolnshire's directories do). Each service goes through the shared HSDS -> Patchwork
 * mapping (openreferral/from-hsds.ts); this module finds the services and names each in messages.
 */
import type { AssetStatus } from '../../vocabulary';
import { fail } from '../../import/errors';
import { formatNumber } from '../../format';
import { serviceToAssetDraft, type IncomingTerm } from '../openreferral/from-hsds';
import { MAX_ASSET_RECORDS } from './limits';
import { FALLBACK_CATEGORY, type CategoryResolver } from './categories';
import type { AssetMapping } from './mapping';
import { recordRef, type ReadyDraft, type Rejection } from './records';

export type FeedShape = 'list' | 'page' | 'service' | 'services';

export const FEED_SHAPE_WORDS: Record<FeedShape, string> = {
	list: 'a list of services (the flat shape many council directories publish)',
	page: 'a page of services (HSDS 3.0 "contents")',
	service: 'one service (HSDS 3.0)',
	services: 'an object with a "services" list'
};

/** The services of a feed, and its shape. Throws ImportError when it is none of the known shapes. */
export function servicesOf(
	value: unknown,
	source: string
): { services: unknown[]; shape: FeedShape; notes: string[] } {
	const notes: string[] = [];
	let services: unknown[];
	let shape: FeedShape;
	if (Array.isArray(value)) {
		[services, shape] = [value, 'list'];
	} else if (value && typeof value === 'object') {
		const object = value as Record<string, unknown>;
		if (Array.isArray(object.contents)) {
			[services, shape] = [object.contents, 'page'];
			const pages = typeof object.total_pages === 'number' ? object.total_pages : null;
			if (pages !== null && pages > 1) {
				notes.push(
					`This is page ${object.page_number ?? '?'} of ${formatNumber(pages)}: only its ${formatNumber(services.length)} services were read. Fetch the feed with a larger per_page, or import each page.`
				);
			}
		} else if (Array.isArray(object.services)) {
			[services, shape] = [object.services, 'services'];
		} else if ('id' in object && 'name' in object) {
			[services, shape] = [[object], 'service'];
		} else {
			fail(
				`${source} is not an Open Referral feed: it should be a list of services, a page of services with "contents", or one service with an "id" and a "name".`
			);
		}
	} else {
		fail(
			`${source} is not an Open Referral feed: it holds ${value === null ? 'null' : `a ${typeof value}`}, not services.`
		);
	}
	if (services.length === 0) fail(`${source} has no services.`);
	if (services.length > MAX_ASSET_RECORDS) {
		fail(
			`${source} has ${formatNumber(services.length)} services, more than the ${formatNumber(MAX_ASSET_RECORDS)} one file may have: split it.`
		);
	}
	return { services, shape, notes: [`Read as ${FEED_SHAPE_WORDS[shape]}.`, ...notes] };
}

export interface OpenReferralOptions {
	source: string;
	status: AssetStatus;
	mapping: AssetMapping | null;
	resolver: CategoryResolver;
	lookupPostcode: (postcode: string) => [number, number] | null;
	onEach?: () => void;
}

/** A term's label in the report: its name, or its id. */
function termLabel(term: IncomingTerm): string {
	return term.name ?? term.code ?? term.id ?? 'a term with no name';
}

/**
 * Every service of a feed as a draft or a rejection naming it ("service 12 ("Name", id …)"). A
 * second service with an id an earlier one has is rejected: HSDS ids are unique, and updating in
 * place by id would otherwise let the later one silently replace the earlier.
 */
export function readOpenReferralServices(
	services: unknown[],
	options: OpenReferralOptions
): { drafts: ReadyDraft[]; rejected: Rejection[]; unmatchedTerms: Map<string, number> } {
	const { resolver, mapping } = options;
	const terms = new Map(
		Object.entries(mapping?.terms ?? {}).map(([term, category]) => [
			term.trim().toLowerCase(),
			category
		])
	);
	const unmatchedTerms = new Map<string, number>();
	const fallback = resolver.resolve(FALLBACK_CATEGORY.id)!;
	const categoryFor = (term: IncomingTerm): string | null => {
		for (const key of [term.id, term.code, term.name]) {
			const mapped = key ? terms.get(key.trim().toLowerCase()) : undefined;
			if (mapped) return resolver.resolve(mapped);
		}
		// A term named like an existing category (e.g. "Mental wellbeing") is that category.
		const existing = term.name ? resolver.match(term.name) : null;
		if (existing) return existing;
		const label = termLabel(term).trim();
		unmatchedTerms.set(label, (unmatchedTerms.get(label) ?? 0) + 1);
		return null;
	};
	const drafts: ReadyDraft[] = [];
	const rejected: Rejection[] = [];
	const seen = new Map<string, string>();
	services.forEach((service, i) => {
		options.onEach?.();
		const record =
			service && typeof service === 'object' && !Array.isArray(service)
				? (service as Record<string, unknown>)
				: null;
		const name = typeof record?.name === 'string' && record.name.trim() ? record.name.trim() : null;
		const id =
			typeof record?.id === 'string' || typeof record?.id === 'number'
				? String(record.id).trim()
				: '';
		const ref = recordRef(
			`service ${formatNumber(i + 1)}${id ? ` (id ${id.slice(0, 60)})` : ''}`,
			name
		);
		const result = serviceToAssetDraft(service, {
			source: options.source,
			defaultCategoryId: fallback,
			knownCategoryIds: resolver.knownIds(),
			categoryFor,
			defaultKind: mapping?.kind,
			defaultSector: mapping?.sector,
			activeStatus: options.status,
			contactNames: mapping?.contactNames,
			locatePostcode: (postcode) => {
				const point = options.lookupPostcode(postcode);
				return point ? { lon: point[0], lat: point[1] } : null;
			}
		});
		if (!result.ok) {
			rejected.push({ ref, reasons: result.reasons });
			return;
		}
		const key = result.draft.externalId!;
		const earlier = seen.get(key);
		if (earlier !== undefined) {
			rejected.push({
				ref,
				reasons: [`has the id "${key}", which ${earlier} already has: ids must be unique in a feed`]
			});
			return;
		}
		seen.set(key, ref);
		drafts.push({ ref, draft: result.draft, warnings: result.warnings, fingerprinted: false });
	});
	return { drafts, rejected, unmatchedTerms };
}
