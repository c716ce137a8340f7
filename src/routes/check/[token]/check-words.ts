/**
 * The answer page's words that depend on the change form: its field labels, and its error messages in
 * the page's language. The form is read in src/lib/domain/freshness/group-change.ts, whose messages are
 * English; a Welsh page shows the Welsh for each one it knows.
 */
import {
	GROUP_CHANGE_FIELDS,
	GROUP_CHANGE_MESSAGES as M,
	type GroupChangeField
} from '$lib/domain/freshness/group-change';
import { formatNumber } from '$lib/domain/format';
import type { Lang } from '$lib/domain/sessions';
import { m } from '$lib/paraglide/messages';

const LABELS: Record<GroupChangeField, () => string> = {
	name: m.check_name,
	description: m.check_what,
	phone: m.check_phone_number,
	email: m.check_email_address,
	website: m.check_contact_website
};

/** A change-form field's label in the page's language. */
export const changeFieldLabel = (key: GroupChangeField) => LABELS[key]();

/** An error message from reading the change form, in `lang`. */
export function localChangeError(message: string, lang: Lang): string {
	if (lang === 'en') return message;
	if (message === M.nameRequired) return m.check_error_name_required();
	if (message === M.detailsTooLong) return m.check_error_details_too_long();
	if (message === M.nothingChanged) return m.check_error_nothing_changed();
	const field = GROUP_CHANGE_FIELDS.find((f) => message === M.tooLong(f.label, f.max));
	if (field) {
		return m.check_error_too_long({
			label: changeFieldLabel(field.key),
			max: formatNumber(field.max, { lang })
		});
	}
	return message;
}
