/**
 * Which tables public pages read, for the caches' stamp (read-cache.ts). Every table a visitor's page
 * reads has triggers (migration 0013) that move `public_data_version` on each insert, update and
 * delete; the tables below have none, because no public page or cached read shows them, and they
 * are written often by people who change nothing a visitor sees (signing in, saving a draft, sending
 * a suggestion, planning a scenario). tests/integration/public-data-version.test.ts checks that every
 * table is one or the other, so a new table cannot be left out by mistake.
 */
export const TABLES_NO_PUBLIC_PAGE_READS = [
	'asset_duplicate_flags',
	'asset_import_runs',
	'audit_log',
	'connections',
	'empty_searches',
	'entry_check_requests',
	'form_drafts',
	'gap_data_version',
	'job_runs',
	'login_sessions',
	'outbox',
	'public_data_version',
	'rate_limits',
	'scenario_edits',
	'scenario_patches',
	'scenarios',
	'sign_in_links',
	'suggestions'
] as const;

/** The tables whose writes move the version (each with three triggers in migration 0013). */
export const TABLES_PUBLIC_PAGES_READ = [
	'asset_categories',
	'asset_contacts',
	'asset_patches',
	'asset_sessions',
	'assets',
	'categories',
	'deprivation_sets',
	'patch_coordinators',
	'patches',
	'population_sets',
	'population_values',
	'postcodes',
	'presence_sessions',
	'programmes',
	'small_area_deprivation',
	'small_areas',
	'users'
] as const;
