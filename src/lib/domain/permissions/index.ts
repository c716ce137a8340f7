/**
 * Who may do what with the directory, decided in one place from the role and the patches. The server
 * calls these on every load and action; pages use them only to hide links a person cannot follow.
 *
 * An entry belongs to the patches its point falls in (several where patches overlap), or, online or
 * roaming, to the patches it is linked to. A coordinator acts in their own patches only; council and
 * admin act everywhere. A coordinator with no patch may edit nothing.
 */
import type { Role } from '../vocabulary';

/** A signed-in person as the rules see them. */
export interface Actor {
	id: number;
	role: Role;
	/** The patches they coordinate (empty for council and admin, who need none). */
	patchIds: readonly number[];
}

const everywhere = (actor: Actor) => actor.role === 'council' || actor.role === 'admin';
const sharesAPatch = (actor: Actor, patchIds: readonly number[]) =>
	patchIds.some((id) => actor.patchIds.includes(id));

/**
 * May this person create, edit, archive, restore, publish or check an entry in these patches?
 * @example canEditEntry({ id: 3, role: 'coordinator', patchIds: [1] }, [1, 2]) // true
 */
export function canEditEntry(actor: Actor, entryPatchIds: readonly number[]): boolean {
	return everywhere(actor) || sharesAPatch(actor, entryPatchIds);
}

/** May this person see the private parts of an entry (drafts, coordinators-only contacts, private informal supports)? */
export const canSeePrivateParts = canEditEntry;

/** May this person moderate a suggestion about an entry in these patches (a new entry: where it says it is)? */
export const canModerate = canEditEntry;

/** May this person change the presence sessions (where to meet them) of the user `ownerId`? */
export function canEditPresenceOf(actor: Actor, ownerId: number): boolean {
	if (actor.role === 'admin') return true;
	return actor.role === 'coordinator' && actor.id === ownerId;
}

/** Users: create, change role and patches, disable, reset passwords. */
export const canManageUsers = (actor: Actor): boolean => actor.role === 'admin';

/** Freshness settings and the council's summaries. */
export const canChangeProgrammeSettings = everywhere;

/**
 * Which audit rows this person may read: every row for council and admin, else only rows about
 * their own patches' entries (`null` means "all").
 */
export function auditScope(actor: Actor): readonly number[] | null {
	return everywhere(actor) ? null : actor.patchIds;
}
