/**
 * An entry (asset) as the editor reads and writes it: every field of the data model, with its sessions,
 * contacts, categories and linked patches, in one plain object. The same shape is the snapshot the
 * audit log keeps before and after a change, and what the conflict view compares field by field.
 */
import type {
	AssetKind,
	AssetStatus,
	ContactKind,
	ContactVisibility,
	CostKind,
	LocationKind,
	ServiceSector,
	SessionFrequency
} from '../vocabulary';

/** When it meets. Weekday is ISO (1 Monday … 7 Sunday); weekOfMonth 1-4 or -1 (last), monthly only. */
export interface EntrySession {
	frequency: SessionFrequency;
	weekday: number;
	weekOfMonth: number | null;
	/** Fortnightly only: the date ('YYYY-MM-DD') of one meeting. */
	anchorDate: string | null;
	startTime: string;
	endTime: string;
	note: string | null;
}

/** A way to reach it; "coordinators" contacts never reach a visitor. */
export interface EntryContact {
	kind: ContactKind;
	label: string | null;
	value: string;
	visibility: ContactVisibility;
}

export interface EntryData {
	kind: AssetKind;
	/** Services only. */
	sector: ServiceSector | null;
	name: string;
	nameCy: string | null;
	description: string;
	descriptionCy: string | null;
	/** Category ids, sorted. */
	categoryIds: string[];
	locationKind: LocationKind;
	/** A place has a point; online and roaming entries have none. */
	lon: number | null;
	lat: number | null;
	address: string | null;
	postcode: string | null;
	/** Online and roaming only: the patches it serves (sorted). */
	linkedPatchIds: number[];
	/** The venue it meets at, if any. */
	venueId: number | null;
	sessions: EntrySession[];
	contacts: EntryContact[];
	/** Accessibility feature codes, sorted. */
	accessibility: string[];
	ageMin: number | null;
	ageMax: number | null;
	familyFriendly: boolean;
	/** null: not known. */
	cost: CostKind | null;
	costDetail: string | null;
	/** Language codes, sorted. */
	languages: string[];
	status: AssetStatus;
	/** Informal supports only: consent to be recorded (date and how), to be shown, for contacts to be shown. */
	consentRecordedOn: string | null;
	consentHow: string | null;
	consentPublic: boolean;
	consentPublicOn: string | null;
	consentContactsPublic: boolean;
}

/** How the editor was told where a place is. */
export const POINT_SOURCES = ['postcode', 'coordinates', 'map'] as const;
export type PointSource = (typeof POINT_SOURCES)[number];

/**
 * What the form says, before the server has looked up a postcode: for `pointFrom: 'postcode'` the
 * point is null until the postcodes table gives it.
 */
export interface ParsedEntry extends EntryData {
	pointFrom: PointSource | null;
}
