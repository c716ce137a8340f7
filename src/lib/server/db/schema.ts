/**
 * The whole Patchwork data model, one Drizzle schema for SQLite.
 *
 * Geometry is stored as GeoJSON text (WGS84 longitude/latitude) with a bounding box beside it where
 * queries filter by place. The FTS5 index over asset text and the R*Tree over asset locations live in a
 * custom migration (drizzle/0001_search_index.sql), kept in sync by triggers.
 */
export * from './tables/places';
export * from './tables/people';
export * from './tables/assets';
export * from './tables/activity';
export * from './tables/exchange';
export * from './tables/scenarios';

import type {
	assetContacts,
	assetSessions,
	assets,
	categories,
	presenceSessions
} from './tables/assets';
import type { patches, programmes, smallAreas } from './tables/places';
import type { users } from './tables/people';

export type Programme = typeof programmes.$inferSelect;
export type Patch = typeof patches.$inferSelect;
export type SmallArea = typeof smallAreas.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type User = typeof users.$inferSelect;
export type Asset = typeof assets.$inferSelect;
export type AssetContact = typeof assetContacts.$inferSelect;
export type AssetSession = typeof assetSessions.$inferSelect;
export type PresenceSession = typeof presenceSessions.$inferSelect;
