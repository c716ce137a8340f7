import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole, UserInputError } from '$lib/server/auth';
import {
	changeUserAccess,
	getUserForAdmin,
	listPatchChoices,
	resetPasswordFormSchema,
	resetUserPassword,
	setUserDisabled,
	userAccessFormSchema
} from '$lib/server/auth/admin-users';
import { getDb } from '$lib/server/db';
import { formatDateTime, formatNumber } from '$lib/domain/format';
import { ROLE_LABELS } from '$lib/domain/vocabulary';
import { firstErrors, text, ticked } from '../form-values';
import type { Actions, PageServerLoad } from './$types';

const SAVED: Record<string, string> = {
	access: 'Role and patches saved',
	unchanged: 'Nothing changed',
	disabled: 'Account disabled: every browser they were signed in on has been signed out',
	enabled: 'Account enabled: they can sign in again'
};

function userOr404(id: string) {
	const user = getUserForAdmin(getDb(), Number(id));
	if (!user) error(404, 'Page not found');
	return user;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	const actor = requireRole(locals, url, 'admin');
	const user = userOr404(params.id);
	return {
		user: {
			id: user.id,
			displayName: user.displayName,
			email: user.email,
			role: user.role,
			roleLabel: ROLE_LABELS[user.role],
			patches: user.patches,
			disabled: user.disabled,
			waitingForLink: user.waitingForLink,
			linkExpires: user.linkExpiresAt ? formatDateTime(user.linkExpiresAt) : null,
			lastSignIn: user.lastSignInAt ? formatDateTime(user.lastSignInAt) : null,
			sessions: formatNumber(user.sessions),
			created: formatDateTime(user.createdAt)
		},
		isSelf: user.id === actor.id,
		patches: listPatchChoices(getDb()),
		saved: SAVED[url.searchParams.get('saved') ?? ''] ?? null
	};
};

/** Runs a change, turning a refusal the admin can act on into a 400 with its message. */
function refused(e: unknown, values: Record<string, unknown> = {}) {
	if (e instanceof UserInputError) return fail(400, { errors: firstErrors(e.errors), values });
	throw e;
}

export const actions: Actions = {
	access: async ({ locals, url, params, request }) => {
		const actor = requireRole(locals, url, 'admin');
		const user = userOr404(params.id);
		const form = await request.formData();
		const values = { role: text(form, 'role'), patchIds: ticked(form, 'patchIds') };
		const parsed = userAccessFormSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { errors: firstErrors(z.flattenError(parsed.error).fieldErrors), values });
		}
		let changed: boolean;
		try {
			changed = changeUserAccess(getDb(), actor, user.id, parsed.data);
		} catch (e) {
			return refused(e, values);
		}
		redirect(303, `/admin/users/${user.id}?saved=${changed ? 'access' : 'unchanged'}`);
	},

	disable: async ({ locals, url, params }) => {
		const actor = requireRole(locals, url, 'admin');
		const user = userOr404(params.id);
		try {
			setUserDisabled(getDb(), actor, user.id, true);
		} catch (e) {
			return refused(e);
		}
		redirect(303, `/admin/users/${user.id}?saved=disabled`);
	},

	enable: async ({ locals, url, params }) => {
		const actor = requireRole(locals, url, 'admin');
		const user = userOr404(params.id);
		setUserDisabled(getDb(), actor, user.id, false);
		redirect(303, `/admin/users/${user.id}?saved=enabled`);
	},

	resetPassword: async ({ locals, url, params, request }) => {
		const actor = requireRole(locals, url, 'admin');
		const user = userOr404(params.id);
		const parsed = resetPasswordFormSchema.safeParse({
			password: text(await request.formData(), 'password')
		});
		if (!parsed.success) {
			return fail(400, {
				errors: firstErrors(z.flattenError(parsed.error).fieldErrors),
				values: {}
			});
		}
		try {
			const password = await resetUserPassword(getDb(), actor, user.id, parsed.data.password);
			// Shown once, on this response only; never stored or sent anywhere.
			return { newPassword: password, chosen: parsed.data.password !== '' };
		} catch (e) {
			return refused(e);
		}
	}
};
