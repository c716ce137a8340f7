/**
 * The vocabulary's labels in Welsh (the English ones live in $lib/domain/vocabulary), and one lookup
 * per list that picks the page's language.
 */
import {
	ACCESSIBILITY_FEATURES,
	ASSET_KIND_LABELS,
	COST_LABELS,
	LANGUAGE_NAMES,
	SERVICE_SECTOR_LABELS,
	type AccessibilityFeature,
	type AssetKind,
	type Role
} from '$lib/domain/vocabulary';
import type { Lang } from '$lib/domain/sessions';
import { formatNumber } from '$lib/domain/format';
import { joinList } from '$lib/domain/phrases';

const KIND_CY: Record<AssetKind, { one: string; many: string }> = {
	group: { one: 'Grŵp', many: 'Grwpiau' },
	venue: { one: 'Lleoliad', many: 'Lleoliadau' },
	informal_support: { one: 'Cymorth anffurfiol', many: 'Cymorth anffurfiol' },
	service: { one: 'Gwasanaeth', many: 'Gwasanaethau' }
};

const SECTOR_CY: Record<string, string> = {
	community: 'Gwasanaeth cymunedol',
	commissioned: 'Gwasanaeth a gomisiynwyd',
	statutory: 'Gwasanaeth statudol'
};

const COST_CY: Record<string, string> = { free: 'Am ddim', low: 'Cost isel', paid: 'Rhaid talu' };

const ACCESS_CY: Record<AccessibilityFeature, string> = {
	step_free: 'Mynediad heb risiau',
	accessible_toilet: 'Toiled hygyrch',
	hearing_loop: 'Dolen sain',
	quiet_space: 'Lle tawel',
	parking: 'Parcio hygyrch',
	baby_change: 'Cyfleusterau newid babanod',
	large_print: 'Deunyddiau print bras',
	bsl: 'Iaith Arwyddion Prydain',
	assistance_dogs: 'Croeso i gŵn cymorth',
	public_transport: 'Ger arhosfan bws neu orsaf'
};

const LANGUAGE_CY: Record<string, string> = {
	en: 'Saesneg',
	cy: 'Cymraeg',
	pl: 'Pwyleg',
	ur: 'Wrdw',
	pa: 'Pwnjabeg',
	ar: 'Arabeg',
	bn: 'Bengaleg',
	so: 'Somalieg',
	ro: 'Rwmaneg',
	bsl: 'Iaith Arwyddion Prydain'
};

/** "Group" / "Grŵp", or "Groups" / "Grwpiau" with `many`. */
export function kindLabel(kind: AssetKind, lang: Lang, many = false): string {
	const labels = lang === 'cy' ? KIND_CY[kind] : ASSET_KIND_LABELS[kind];
	return many ? labels.many : labels.one;
}

/**
 * How many entries of each kind, in words for a sentence: "groups (12), venues (5) and services (3)".
 * @param counts kinds in the order to name them, each with at least one entry
 */
export function kindCountsText(
	counts: readonly { kind: AssetKind; count: number }[],
	lang: Lang
): string {
	return joinList(
		counts.map(
			({ kind, count }) =>
				`${kindLabel(kind, lang, true).toLocaleLowerCase(lang === 'cy' ? 'cy' : 'en-GB')} (${formatNumber(count, { lang })})`
		),
		lang
	);
}

/** What kind of entry it is, naming the sector for services. */
export function entryKindLabel(kind: AssetKind, sector: string | null, lang: Lang): string {
	if (kind === 'service' && sector && sector in SERVICE_SECTOR_LABELS)
		return lang === 'cy'
			? SECTOR_CY[sector]
			: SERVICE_SECTOR_LABELS[sector as keyof typeof SERVICE_SECTOR_LABELS];
	return kindLabel(kind, lang);
}

/** "Free", "Low cost", "Paid" in the page's language; the code itself when unknown. */
export function costLabel(cost: string, lang: Lang): string {
	if (lang === 'cy') return COST_CY[cost] ?? cost;
	return COST_LABELS[cost as keyof typeof COST_LABELS] ?? cost;
}

/**
 * A role as it reads after "by" in "checked by …": with "a" or "an" in English, and in Welsh (which
 * has no such article) with the soft mutation that "gan" causes ("gan gydlynydd ardal leol").
 */
const ROLE_AFTER_BY: Record<Lang, Record<Role, string>> = {
	en: {
		coordinator: 'a local area coordinator',
		council: 'a council or programme lead',
		admin: 'an administrator'
	},
	cy: {
		coordinator: 'gydlynydd ardal leol',
		council: 'swyddog y cyngor',
		admin: 'weinyddwr'
	}
};

/** Who checked an entry, for "by a local area coordinator" / "gan gydlynydd ardal leol". */
export function roleAfterBy(role: Role, lang: Lang): string {
	return ROLE_AFTER_BY[lang][role];
}

/** An accessibility feature's label; the code itself when unknown. */
export function accessLabel(feature: string, lang: Lang): string {
	if (lang === 'cy') return ACCESS_CY[feature as AccessibilityFeature] ?? feature;
	return ACCESSIBILITY_FEATURES[feature as AccessibilityFeature] ?? feature;
}

/** A language's name from its code; the code itself when unknown. */
export function languageName(code: string, lang: Lang): string {
	return (lang === 'cy' ? LANGUAGE_CY[code] : LANGUAGE_NAMES[code]) ?? code;
}

/** An age range in words, in the page's language (English from $lib/domain/asset-details). */
export function agesLabel(
	ageMin: number | null,
	ageMax: number | null,
	english: string,
	lang: Lang
) {
	if (lang === 'en') return english;
	if (ageMin === null && ageMax === null) return 'Pob oed';
	if (ageMin === null || ageMin === 0) return `Hyd at ${ageMax} oed`;
	if (ageMax === null) return `${ageMin} oed a hŷn`;
	if (ageMin === ageMax) return `${ageMin} oed`;
	return `${ageMin} i ${ageMax} oed`;
}
