/** Checks for the values the profile gives a format: so what Patchwork sends passes them. */

// ajv-formats' "email" (fast mode), so what we send passes the profile's format check.
const EMAIL =
	/^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** Whether a value is an absolute http(s) URL. */
export function isWebUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && !/\s/.test(value);
	} catch {
		return false;
	}
}

/** Whether a value is an email address as ajv-formats checks one. */
export const isEmail = (value: string) => EMAIL.test(value);
