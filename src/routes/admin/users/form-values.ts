/** Reading the admin user forms' fields, for zod and for putting them back on the page after an error. */

/** The first message for each field of a zod flattenError's fieldErrors (or a UserInputError's errors). */
export function firstErrors(errors: Record<string, string[] | undefined>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(errors)
			.filter(([, messages]) => messages && messages.length > 0)
			.map(([field, messages]) => [field, messages![0]])
	);
}

/** A text field's value, '' when missing. */
export const text = (form: FormData, name: string): string => String(form.get(name) ?? '');

/** The patches ticked, as the strings the form sent. */
export const ticked = (form: FormData, name: string): string[] =>
	form.getAll(name).map((value) => String(value));
