/** What each part of the entry form gets from EntryForm: the form's values and its errors. */
export interface FieldProps {
	/** The form's value for a field name, or ''. */
	v: (name: string) => string;
	/** Field name -> message. */
	errors: Record<string, string>;
}

/** A numbered repeatable row (session 2, contact 1). */
export interface RowProps extends FieldProps {
	n: number;
}
