import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole, UserInputError } from '$lib/server/auth';
import {
	createUserAsAdmin,
	listPatchChoices,
	newUserFormSchema
} from '$lib/server/auth/admin-users';
import { getDb } from '$lib/server/db';
import { getProgramme } from '$lib/server/queries/patches';
import { formatDateTime } from '$lib/domain/format';
import { ROLE_LABELS } from '$lib/domain/vocabulary';
import { firstErrors, text, ticked } from '../form-values';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, url, 'admin');
	return { patches: listPatchChoices(getDb()) };
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const actor = requireRole(locals, url, 'admin');
		const form = await request.formData();
		const values = {
			email: text(form, 'email'),
			displayName: text(form, 'displayName'),
			role: text(form, 'role'),
			patchIds: ticked(form, 'patchIds'),
			firstSignIn: text(form, 'firstSignIn'),
			emailLink: form.get('emailLink') === 'yes'
		};
		// The password is never sent back to the page.
		const parsed = newUserFormSchema.safeParse({ ...values, password: text(form, 'password') });
		if (!parsed.success) {
			return fail(400, { errors: firstErrors(z.flattenError(parsed.error).fieldErrors), values });
		}
		const db = getDb();
		try {
			const created = await createUserAsAdmin(db, actor, parsed.data, {
				origin: url.origin,
				programme: getProgramme(db)?.name ?? null
			});
			return {
				created: {
					id: created.user.id,
					displayName: created.user.displayName,
					email: created.user.email,
					role: ROLE_LABELS[created.user.role],
					password: created.password ?? null,
					link: created.link ?? null,
					linkExpires: created.linkExpiresAt ? formatDateTime(created.linkExpiresAt) : null,
					emailed: created.emailed
				}
			};
		} catch (e) {
			if (e instanceof UserInputError) return fail(400, { errors: firstErrors(e.errors), values });
			throw e;
		}
	}
};
