/**
 * Every staff page and action, and who may use it: the permission table as data, one row per
 * load or form action of the staff routes. The rules themselves are the functions in ./index.ts (the
 * server calls them); this table is what they must add up to, and one integration test
 * (tests/integration/staff-permissions.test.ts) drives every row against the real routes, for each
 * column, and fails when a route exports a load or action without a row.
 *
 * "P" is the patch the entry (or suggestion, or user) is in. A visitor who is not allowed is sent to
 * sign in; a signed-in person who is not allowed is refused (403), or for a new entry placed outside
 * their patches, told so next to the place field.
 */

/** The five columns: a visitor, and each kind of signed-in person. */
export const STAFF_COLUMNS = [
	'visitor',
	'coordinatorOfP',
	'coordinatorOfOtherPatch',
	'council',
	'admin'
] as const;
export type StaffColumn = (typeof STAFF_COLUMNS)[number];

/** Allowed (true) or not, per column. */
export type Access = Readonly<Record<StaffColumn, boolean>>;

const access = (
	coordinatorOfP: boolean,
	coordinatorOfOtherPatch: boolean,
	council: boolean,
	admin: boolean
): Access => ({ visitor: false, coordinatorOfP, coordinatorOfOtherPatch, council, admin });

/** Anyone signed in. */
const STAFF = access(true, true, true, true);
/** Coordinators of P, council and admin: entries, suggestions and checks in P. */
const IN_P = access(true, false, true, true);
/** Council and admin. */
const COUNCIL = access(false, false, true, true);
/** Administrators only. */
const ADMIN = access(false, false, false, true);
/** Coordinators (their own) and admin. */
const OWN_PRESENCE = access(true, true, false, true);
/** Nobody: a signed-in person is told why beside the form. */
const NOBODY = access(false, false, false, false);

export interface StaffAction {
	/** The route, as its folder under src/routes. */
	route: string;
	/** 'load', 'GET', or a form action's name. */
	handler: string;
	/** What it does, in words. */
	does: string;
	access: Access;
	/** For a second row of the same handler on other data (e.g. a suggestion that says nowhere). */
	variant?: string;
}

const row = (
	route: string,
	handler: string,
	does: string,
	who: Access,
	variant?: string
): StaffAction => ({ route, handler, does, access: who, ...(variant ? { variant } : {}) });

export const STAFF_ACTIONS: readonly StaffAction[] = [
	// Staff home and the entry editor.
	row('staff', 'load', 'See your work (the staff home)', STAFF),
	row('entries/new', 'load', 'Open the new entry form', STAFF),
	row('entries/new', 'more', 'Add a row to the new entry form', STAFF),
	row('entries/new', 'save', 'Create an entry in P', IN_P),
	row('entries/[id]/edit', 'load', 'Open an entry in P to edit', IN_P),
	row('entries/[id]/edit', 'more', 'Add a row to the edit form of an entry in P', IN_P),
	row('entries/[id]/edit', 'save', 'Save an entry in P', IN_P),
	row('entries/[id]/edit', 'publish', 'Publish a draft in P', IN_P),
	row('entries/[id]/edit', 'archive', 'Archive an entry in P', IN_P),
	row('entries/[id]/edit', 'restore', 'Restore an archived entry in P', IN_P),
	// Moderation.
	row('staff/suggestions', 'load', 'See the suggestions queue', STAFF),
	row('staff/suggestions/[id]', 'load', 'Open a suggestion about P', IN_P),
	row('staff/suggestions/[id]', 'approve', 'Approve a suggestion about P', IN_P),
	row('staff/suggestions/[id]', 'edit', 'Edit then approve a change to P', IN_P),
	row('staff/suggestions/[id]', 'create', 'Approve a new entry placed in P', IN_P),
	row('staff/suggestions/[id]', 'reject', 'Reject a suggestion about P', IN_P),
	// A new entry that says nowhere we can place is in no patch: council and admin moderate it.
	row(
		'staff/suggestions/[id]',
		'load',
		'Open a new-entry suggestion that says nowhere',
		COUNCIL,
		'nowhere'
	),
	row(
		'staff/suggestions/[id]',
		'reject',
		'Reject a new-entry suggestion that says nowhere',
		COUNCIL,
		'nowhere'
	),
	// Freshness.
	row('staff/to-check', 'load', 'See the entries to check', STAFF),
	row('staff/to-check', 'check', '"Still true" on an entry in P', IN_P),
	row('staff/to-check', 'checkPage', '"Check all on this page" with an entry in P', IN_P),
	row('staff/to-check', 'ask', 'Ask the people who run an entry in P by email', IN_P),
	row('council', 'load', 'See the council page', COUNCIL),
	row('council/settings', 'load', 'See the freshness settings', COUNCIL),
	row('council/settings', 'default', 'Change the freshness settings', COUNCIL),
	row('council/archived', 'load', 'See the auto-archived entries', COUNCIL),
	row('council/archived', 'restore', 'Restore an auto-archived entry in P', COUNCIL),
	// Possible duplicates.
	row('staff/duplicates/[id]', 'load', 'Compare a possible duplicate pair in P', IN_P),
	row('staff/duplicates/[id]', 'merge', 'Merge a pair in P', IN_P),
	row('staff/duplicates/[id]', 'keepBoth', 'Keep both of a pair in P', IN_P),
	// The connection finder and its anonymous log (counts of 1-4 hidden outside the viewer's patches).
	row('staff/finder', 'load', 'Find connections for a person', STAFF),
	row('staff/finder', 'connected', 'Log "Connected" to an entry', STAFF),
	row('staff/finder', 'nothing', 'Log "Nothing suitable found" for the themes searched', STAFF),
	row('staff/finder', 'undo', 'Undo your own log entry of today', STAFF),
	row('staff/finder', 'undo', "Undo someone else's log entry", NOBODY, 'not-theirs'),
	row('staff/connections', 'load', 'See the connections log counts', STAFF),
	row('staff/connections.csv', 'GET', 'Download the connections log counts', STAFF),
	// Gap analysis.
	row('council/gaps', 'load', 'See the gap analysis', COUNCIL),
	row('council/gaps/report', 'load', 'See the gap analysis as a printable board report', COUNCIL),
	row('council/gaps', 'whatif', 'Try a new venue (what-if, saves nothing)', COUNCIL),
	row(
		'council/gaps',
		'demand',
		'Turn the recording of searches that found nothing on or off',
		COUNCIL
	),
	row('council/gaps/download/[file]', 'GET', 'Download a gap analysis table', COUNCIL),
	// Presence, passwords, audit.
	row('account/presence', 'load', 'See your own presence week', OWN_PRESENCE),
	row('account/presence', 'add', 'Add to your own presence week', OWN_PRESENCE),
	row('account/presence', 'remove', 'Remove from your own presence week', OWN_PRESENCE),
	row('account/password', 'load', 'See the change password form', STAFF),
	row('account/password', 'default', 'Change your own password', STAFF),
	row('audit', 'load', 'Read the audit log (coordinators: their patches)', STAFF),
	row('audit.csv', 'GET', 'Download the audit log', COUNCIL),
	// Users and the outbox.
	row('admin', 'load', 'Open the admin pages', ADMIN),
	row('admin/users', 'load', 'List users', ADMIN),
	row('admin/users/new', 'load', 'Open the new user form', ADMIN),
	row('admin/users/new', 'default', 'Create a user', ADMIN),
	row('admin/users/[id]', 'load', 'Open a user', ADMIN),
	row('admin/users/[id]', 'access', "Change a user's role and patches", ADMIN),
	row('admin/users/[id]', 'disable', 'Disable a user', ADMIN),
	row('admin/users/[id]', 'enable', 'Enable a user', ADMIN),
	row('admin/users/[id]', 'resetPassword', "Reset a user's password", ADMIN),
	row('admin/users/[id]/presence', 'load', "See a user's presence week", ADMIN),
	row('admin/users/[id]/presence', 'add', "Add to a user's presence week", ADMIN),
	row('admin/users/[id]/presence', 'remove', "Remove from a user's presence week", ADMIN),
	row('admin/outbox', 'load', 'Read the email outbox', ADMIN),
	row('admin/outbox', 'retry', 'Try a failed email again', ADMIN),
	row('admin/outbox/[id]', 'load', 'Read one email', ADMIN),
	row('admin/outbox/[id]', 'retry', 'Try one failed email again', ADMIN),
	// Erasing an informal support (UK GDPR), and where it lands.
	row('entries/[id]/erase', 'load', 'Open "Remove this person\'s data" for a support in P', IN_P),
	row('entries/[id]/erase', 'default', 'Erase an informal support in P', IN_P),
	row('entries/erased', 'load', "See that a person's data was removed", STAFF),
	// The list of possible duplicates (each viewer's own patches; council and admin: all).
	row('staff/duplicates', 'load', 'See the possible duplicates', STAFF),
	row('account', 'load', 'See your own account', STAFF),
	// Imports.
	row('council/assets-import', 'load', 'See the asset import page', COUNCIL),
	row('council/assets-import', 'check', 'Check an asset file before importing', COUNCIL),
	row('council/assets-import', 'import', 'Import a checked asset file', COUNCIL),
	row('council/import', 'load', 'See the import page', COUNCIL),
	row('council/import', 'check', 'Check a file before importing', COUNCIL),
	row('council/import', 'import', 'Import a checked file', COUNCIL),
	// Patches and their sizing.
	row('council/patches', 'load', 'See the patches and their sizing', COUNCIL),
	row('council/patches.csv', 'GET', 'Download the patch sizing table', COUNCIL),
	row('council/patches.geojson', 'GET', 'Download the patches as GeoJSON', COUNCIL),
	row('council/patches/[id]', 'load', "See a patch's status, name, coordinators and lock", COUNCIL),
	row('council/patches/[id]', 'publish', 'Publish a planned patch', COUNCIL),
	row('council/patches/[id]', 'rename', 'Rename a patch (English and Welsh)', COUNCIL),
	row('council/patches/[id]', 'lock', 'Lock a patch', COUNCIL),
	row('council/patches/[id]', 'unlock', 'Unlock a patch', COUNCIL),
	row('council/patches/[id]', 'give', 'Give a patch a coordinator', COUNCIL),
	row('council/patches/[id]', 'relieve', 'Relieve a coordinator of a patch', COUNCIL),
	row('council/patches/[id]/delete', 'load', 'See what deleting a patch would do', COUNCIL),
	row('council/patches/[id]/delete', 'default', 'Delete a patch', COUNCIL),
	row('council/patches/[id]/edit', 'load', "Open a patch's boundary to edit", COUNCIL),
	row('council/patches/[id]/edit', 'default', "Save a patch's boundary", COUNCIL),
	row('council/patches/new', 'load', 'Open the new patch form', COUNCIL),
	row('council/patches/new', 'default', 'Add a patch', COUNCIL),
	row(
		'council/patches/small-areas',
		'GET',
		'Fetch the small areas the patch editor sizes with',
		COUNCIL
	),
	// Scenarios: draft sets of patches, edited and then published over the live ones.
	row('council/scenarios', 'load', 'See the scenarios', COUNCIL),
	row('council/scenarios', 'create', 'Start a scenario from the live patches', COUNCIL),
	row('council/scenarios/[id]', 'load', 'Open a scenario with its figures', COUNCIL),
	row(
		'council/scenarios/[id]',
		'move',
		'Move a small area to another patch of a scenario',
		COUNCIL
	),
	row('council/scenarios/[id]', 'merge', 'Merge two patches of a scenario', COUNCIL),
	row('council/scenarios/[id]', 'split', 'Split a patch of a scenario along a line', COUNCIL),
	row('council/scenarios/[id]', 'draw', 'Add a patch to a scenario', COUNCIL),
	row('council/scenarios/[id]', 'undo', "Undo a scenario's last edit", COUNCIL),
	row('council/scenarios/[id]', 'redo', "Redo a scenario's undone edit", COUNCIL),
	row('council/scenarios/[id]', 'publish', 'Publish a scenario over the live patches', COUNCIL),
	row('council/scenarios/[id]', 'discard', 'Discard a scenario', COUNCIL)
];

/** A row's name: its route, handler and variant. */
export const staffActionKey = (action: Pick<StaffAction, 'route' | 'handler' | 'variant'>) =>
	[action.route, action.handler, action.variant].filter(Boolean).join(' ');
