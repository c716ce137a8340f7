import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { listCategories } from '$lib/server/queries/categories';
import {
	createNewAssetSuggestion,
	countSuggestion,
	suggestionsUsedUp,
	suggestionNotSentMessage,
	tooManySuggestionsMessage
} from '$lib/server/queries/suggestions';
import { isDatabaseError, logWriteFailure } from '$lib/server/db/write';
import { whenWritable } from '$lib/server/db/busy';
import {
	NEW_ASSET_FIELDS,
	fieldErrors,
	isHoneypotFilled,
	newAssetSuggestionSchema,
	readFormFields
} from '$lib/domain/suggestions';
import { pageLang } from '$lib/components/lang';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ categories: listCategories(getDb()) });

/** Answers on the same page (/suggest or /cy/suggest), so messages are in the language posted from. */
export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const lang = pageLang();
		const address = getClientAddress();
		if (suggestionsUsedUp(getDb(), address)) {
			return fail(429, { errors: { form: tooManySuggestionsMessage(lang) }, values: {} });
		}
		const values = readFormFields(await request.formData(), NEW_ASSET_FIELDS);
		// A bot filled the hidden field: thank it as usual and store nothing.
		if (isHoneypotFilled(values)) {
			countSuggestion(getDb(), address);
			return { sent: true, name: values.name?.trim() ?? '' };
		}
		const db = getDb();
		const schema = newAssetSuggestionSchema(
			listCategories(db).map((c) => c.id),
			lang
		);
		const parsed = schema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { errors: fieldErrors(parsed.error), values });
		}
		try {
			// Counted before it is stored, so a burst cannot outrun the limit. While a command-line
			// import holds the write lock, each write waits its turn without holding up the site.
			if (!(await whenWritable(() => countSuggestion(getDb(), address)))) {
				return fail(429, { errors: { form: tooManySuggestionsMessage(lang) }, values });
			}
			await whenWritable(() => createNewAssetSuggestion(db, parsed.data));
		} catch (error) {
			// Not stored (a full disk, say): say so, keep what they typed, never "Thank you".
			if (!isDatabaseError(error)) throw error;
			logWriteFailure('a suggestion', error);
			return fail(503, { errors: { form: suggestionNotSentMessage(lang) }, values });
		}
		return { sent: true, name: parsed.data.name };
	}
};
