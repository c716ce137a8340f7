/**
 * An entry snapshot carried in the editor's form (the version the person started from), read back
 * safely: it came through a browser, so it is checked like any other input before the conflict view
 * compares or describes it.
 */
import { z } from 'zod';
import {
	ASSET_KINDS,
	ASSET_STATUSES,
	CONTACT_KINDS,
	CONTACT_VISIBILITIES,
	COST_KINDS,
	LOCATION_KINDS,
	SERVICE_SECTORS,
	SESSION_FREQUENCIES
} from '../vocabulary';
import type { EntryData } from './types';

const text = z.string().max(20_000);
const maybeText = text.nullable();

export const entrySnapshotSchema = z.object({
	kind: z.enum(ASSET_KINDS),
	sector: z.enum(SERVICE_SECTORS).nullable(),
	name: text,
	nameCy: maybeText,
	description: text,
	descriptionCy: maybeText,
	categoryIds: z.array(text).max(200),
	locationKind: z.enum(LOCATION_KINDS),
	lon: z.number().min(-180).max(180).nullable(),
	lat: z.number().min(-90).max(90).nullable(),
	address: maybeText,
	postcode: maybeText,
	linkedPatchIds: z.array(z.int()).max(500),
	venueId: z.int().nullable(),
	sessions: z
		.array(
			z.object({
				frequency: z.enum(SESSION_FREQUENCIES),
				weekday: z.int().min(1).max(7),
				weekOfMonth: z.int().min(-1).max(5).nullable(),
				anchorDate: maybeText,
				startTime: text,
				endTime: text,
				note: maybeText
			})
		)
		.max(100),
	contacts: z
		.array(
			z.object({
				kind: z.enum(CONTACT_KINDS),
				label: maybeText,
				value: text,
				visibility: z.enum(CONTACT_VISIBILITIES)
			})
		)
		.max(100),
	accessibility: z.array(text).max(100),
	ageMin: z.int().nullable(),
	ageMax: z.int().nullable(),
	familyFriendly: z.boolean(),
	cost: z.enum(COST_KINDS).nullable(),
	costDetail: maybeText,
	languages: z.array(text).max(100),
	status: z.enum(ASSET_STATUSES),
	consentRecordedOn: maybeText,
	consentHow: maybeText,
	consentPublic: z.boolean(),
	consentPublicOn: maybeText,
	consentContactsPublic: z.boolean()
}) satisfies z.ZodType<EntryData>;

/** A snapshot written with JSON.stringify, or null when it is missing or not one. */
export function readEntrySnapshot(json: string): EntryData | null {
	if (!json) return null;
	try {
		const parsed = entrySnapshotSchema.safeParse(JSON.parse(json));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}
