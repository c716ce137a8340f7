/**
 * What every form field shares, as in the GOV.UK Design System's macros: a name (also the id), a label or
 * legend, an optional hint and error, and the ids that tie them to the control for screen readers.
 */
export interface FieldProps {
	/** The control's name, and its id (or the id of its first option). */
	name: string;
	label: string;
	hint?: string;
	error?: string;
}

/** The aria-describedby value for a field: its hint and its error, where present. */
export function describedBy(name: string, hint?: string, error?: string): string | undefined {
	return [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined;
}

/** One choice of a radio group, checkbox group or select. */
export interface Choice {
	value: string;
	label: string;
	hint?: string;
}
