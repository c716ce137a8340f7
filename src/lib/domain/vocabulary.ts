/** The fixed vocabularies of the data model, shared by the schema, zod edges and pages. */

export const ROLES = ['coordinator', 'council', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A role as people say it. */
export const ROLE_LABELS: Record<Role, string> = {
	coordinator: 'Local area coordinator',
	council: 'Council or programme lead',
	admin: 'Administrator'
};

/** Community first, services last: the order residents and coordinators see kinds in. */
export const ASSET_KINDS = ['group', 'venue', 'informal_support', 'service'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const SERVICE_SECTORS = ['community', 'commissioned', 'statutory'] as const;
export type ServiceSector = (typeof SERVICE_SECTORS)[number];

export const ASSET_STATUSES = ['draft', 'published', 'archived'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** Where an asset is: at a place (with a point), online, or roaming (no fixed place). */
export const LOCATION_KINDS = ['place', 'online', 'roaming'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const CONTACT_KINDS = ['phone', 'email', 'website', 'person'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** "coordinators" contacts are personal data and never reach a visitor. */
export const CONTACT_VISIBILITIES = ['public', 'coordinators'] as const;
export type ContactVisibility = (typeof CONTACT_VISIBILITIES)[number];

export const SESSION_FREQUENCIES = ['weekly', 'fortnightly', 'monthly'] as const;
export type SessionFrequency = (typeof SESSION_FREQUENCIES)[number];

export const COST_KINDS = ['free', 'low', 'paid'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export const PATCH_STATUSES = ['active', 'planned', 'retired'] as const;
export type PatchStatus = (typeof PATCH_STATUSES)[number];

export const SMALL_AREA_KINDS = ['OA', 'LSOA'] as const;
export type SmallAreaKind = (typeof SMALL_AREA_KINDS)[number];

/** A logged connection: made to an entry, or nothing suitable found for a theme. */
export const CONNECTION_KINDS = ['connected', 'nothing_suitable'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export const SUGGESTION_KINDS = ['new', 'change', 'closed'] as const;

/** Why an entry was archived: by a person, by the freshness job, on a "has closed" suggestion, or merged into another. */
export const ARCHIVE_REASONS = ['by_hand', 'unchecked', 'closed', 'merged'] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

/** Who said an entry is still true: a signed-in role, the group itself (through an emailed link), or an import. */
export const VERIFIERS = ['coordinator', 'council', 'admin', 'group', 'import'] as const;
export type Verifier = (typeof VERIFIERS)[number];

/** An email waiting to go, sent, or given up on after its retries (shown to admins, never dropped). */
export const OUTBOX_STATUSES = ['queued', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** The two answers a group gives to "is your entry still right?". */
export const CHECK_ANSWERS = ['still_right', 'changed'] as const;
export type CheckAnswer = (typeof CHECK_ANSWERS)[number];
export const SUGGESTION_STATUSES = ['open', 'accepted', 'rejected'] as const;

/** Accessibility features an asset can list, with plain-English labels. */
export const ACCESSIBILITY_FEATURES = {
	step_free: 'Step-free access',
	accessible_toilet: 'Accessible toilet',
	hearing_loop: 'Hearing loop',
	quiet_space: 'Quiet space',
	parking: 'Accessible parking',
	baby_change: 'Baby changing',
	large_print: 'Large print materials',
	bsl: 'British Sign Language',
	assistance_dogs: 'Assistance dogs welcome',
	public_transport: 'Near a bus stop or station'
} as const;
export type AccessibilityFeature = keyof typeof ACCESSIBILITY_FEATURES;

export const ASSET_KIND_LABELS: Record<AssetKind, { one: string; many: string }> = {
	group: { one: 'Group', many: 'Groups' },
	venue: { one: 'Venue', many: 'Venues' },
	informal_support: { one: 'Informal support', many: 'Informal supports' },
	service: { one: 'Service', many: 'Services' }
};

export const SERVICE_SECTOR_LABELS: Record<ServiceSector, string> = {
	community: 'Community service',
	commissioned: 'Commissioned service',
	statutory: 'Statutory service'
};

export const COST_LABELS: Record<CostKind, string> = {
	free: 'Free',
	low: 'Low cost',
	paid: 'Paid'
};

/** Language codes used in the demo and imports, with their English names. */
export const LANGUAGE_NAMES: Record<string, string> = {
	en: 'English',
	cy: 'Welsh',
	pl: 'Polish',
	ur: 'Urdu',
	pa: 'Punjabi',
	ar: 'Arabic',
	bn: 'Bengali',
	so: 'Somali',
	ro: 'Romanian',
	bsl: 'British Sign Language'
};
