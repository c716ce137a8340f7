/** Reads the committed demo borough, so browser tests assert against the data, not hard-coded values. */
import { readFileSync } from 'node:fs';
import {
	demoAssetsSchema,
	demoPatchesSchema,
	demoUsersSchema
} from '../../src/lib/domain/schemas/demo-borough';

const read = (file: string) => JSON.parse(readFileSync(`data/demo/${file}`, 'utf8'));

export const demoAssets = demoAssetsSchema.parse(read('assets.json'));
export const demoPatches = demoPatchesSchema
	.parse(read('patches.geojson'))
	.features.map((feature) => feature.properties);
export const demoUsers = demoUsersSchema.parse(read('users.json'));

/** Values that must never reach a visitor: coordinators-only contacts and unpublished assets' names. */
export const privateContactValues = demoAssets.flatMap((asset) =>
	asset.contacts.filter((contact) => contact.visibility === 'coordinators').map((c) => c.value)
);
export const unpublishedNames = demoAssets
	.filter((asset) => asset.status !== 'published')
	.map((asset) => asset.name);
