import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPublicAsset } from '$lib/server/queries/assets';
import {
	createAssetChangeSuggestion,
	suggestionLimiter,
	TOO_MANY_SUGGESTIONS_MESSAGE
} from '$lib/server/queries/suggestions';
import {
	assetChangeSuggestionSchema,
	fieldErrors,
	isHoneypotFilled
} from '$lib/domain/suggestions';
import type { Actions, PageServerLoad } from './$types';

function publicAssetOr404(id: string) {
	const found = getPublicAsset(getDb(), Number(id));
	if (!found) error(404, 'Page not found');
	return { id: found.asset.id, name: found.asset.name };
}

export const load: PageServerLoad = ({ params }) => ({ asset: publicAssetOr404(params.id) });

export const actions: Actions = {
	default: async ({ params, request, getClientAddress }) => {
		const asset = publicAssetOr404(params.id);
		const address = getClientAddress();
		if (suggestionLimiter.isBlocked(address)) {
			return fail(429, { errors: { form: TOO_MANY_SUGGESTIONS_MESSAGE }, values: {} });
		}
		const form = Object.fromEntries(await request.formData());
		const values = Object.fromEntries(
			Object.entries(form).map(([key, value]) => [key, typeof value === 'string' ? value : ''])
		);
		// A bot filled the hidden field: thank it as usual and store nothing.
		if (isHoneypotFilled(values)) {
			suggestionLimiter.recordFailure(address);
			return { sent: true };
		}
		const parsed = assetChangeSuggestionSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { errors: fieldErrors(parsed.error), values });
		}
		suggestionLimiter.recordFailure(address);
		createAssetChangeSuggestion(getDb(), asset.id, parsed.data);
		return { sent: true };
	}
};
