/** The council's patch page forms, parsed at the edge: a new name, a coordinator, where to move things. */
import { z } from 'zod';
import { patchNameSchema } from './boundary-form';

const welshNameSchema = z
	.string()
	.trim()
	.max(100, 'The Welsh name must be 100 characters or fewer')
	.transform((text) => (text === '' ? null : text));

export const renameFormSchema = z.object({
	name: patchNameSchema,
	nameCy: welshNameSchema
});

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const coordinatorFormSchema = z.object({
	coordinator: id.or(z.literal('').transform(() => null))
});

/** Where a deleted patch's coordinators and linked entries go: another patch, or '' for nowhere. */
export const deleteFormSchema = z.object({
	moveTo: z.union([z.literal('').transform(() => null), id], {
		error: 'Choose a patch from the list, or no patch'
	})
});

const text = (form: FormData, key: string) => {
	const value = form.get(key);
	return typeof value === 'string' ? value : '';
};

/** The named fields of a form as strings (absent ones as ''). */
export const fieldsOf = <K extends string>(form: FormData, keys: readonly K[]) =>
	Object.fromEntries(keys.map((key) => [key, text(form, key)])) as Record<K, string>;
