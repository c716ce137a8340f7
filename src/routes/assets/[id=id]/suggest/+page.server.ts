import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getPublicAsset } from '$lib/server/queries/assets';
import {
	createAssetChangeSuggestion,
	countSuggestion,
	suggestionsUsedUp,
	suggestionNotSentMessage,
	tooManySuggestionsMessage
} from '$lib/server/queries/suggestions';
import { isDatabaseError, logWriteFailure } from '$lib/server/db/write';
import { whenWritable } from '$lib/server/db/busy';
import {
	ASSET_CHANGE_FIELDS,
	assetChangeSuggestionSchema,
	fieldErrors,
	isHoneypotFilled,
	readFormFields
} from '$lib/domain/suggestions';
import { pageLang } from '$lib/components/lang';
import type { Actions, PageServerLoad } from './$types';

function publicAssetOr404(id: string) {
	const found = getPublicAsset(getDb(), Number(id));
	if (!found) error(404, 'Page not found');
	return { id: found.asset.id, name: found.asset.name, nameCy: found.asset.nameCy };
}

export const load: PageServerLoad = ({ params }) => ({ asset: publicAssetOr404(params.id) });

/**
 * The form posts here from the asset page, and from this page when it is sent back with errors. It
 * answers on this page without redirecting, so the language is the one of the URL it was posted to:
 * /cy/assets/[id]/suggest from a Welsh page (the form's action is built with href()).
 */
export const actions: Actions = {
	default: async ({ params, request, getClientAddress }) => {
		const asset = publicAssetOr404(params.id);
		const lang = pageLang();
		const address = getClientAddress();
		if (suggestionsUsedUp(getDb(), address)) {
			return fail(429, { errors: { form: tooManySuggestionsMessage(lang) }, values: {} });
		}
		const values = readFormFields(await request.formData(), ASSET_CHANGE_FIELDS);
		// A bot filled the hidden field: thank it as usual and store nothing.
		if (isHoneypotFilled(values)) {
			countSuggestion(getDb(), address);
			return { sent: true };
		}
		const parsed = assetChangeSuggestionSchema(lang).safeParse(values);
		if (!parsed.success) {
			return fail(400, { errors: fieldErrors(parsed.error), values });
		}
		try {
			// Counted before it is stored, so a burst cannot outrun the limit. While a command-line
			// import holds the write lock, each write waits its turn without holding up the site.
			if (!(await whenWritable(() => countSuggestion(getDb(), address)))) {
				return fail(429, { errors: { form: tooManySuggestionsMessage(lang) }, values });
			}
			await whenWritable(() => createAssetChangeSuggestion(getDb(), asset.id, parsed.data));
		} catch (error) {
			// Not stored (a full disk, say): say so, keep what they typed, never "Thank you".
			if (!isDatabaseError(error)) throw error;
			logWriteFailure('a suggestion', error);
			return fail(503, { errors: { form: suggestionNotSentMessage(lang) }, values });
		}
		return { sent: true };
	}
};
