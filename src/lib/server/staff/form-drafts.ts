/**
 * What someone had typed when their session ran out: kept for an hour under the SHA-256 of a random
 * key that only their browser holds (an httpOnly cookie), so signing in again brings the form back
 * with nothing lost. The key never reaches the database, a draft is read once and then deleted, and
 * nothing secret is ever kept (passwords and tokens are left out by name).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { eq, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { formDrafts } from '../db/schema';
import { isFormFields, withoutSecrets, type FormFields } from '../../domain/entries/fields';

export const DRAFT_COOKIE_NAME = 'patchwork_form_draft';
export const DRAFT_LIFETIME_MS = 60 * 60 * 1000;

/** 32 random bytes in base64url: 43 characters. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const draftId = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Keeps a form's fields for the browser to claim after signing in at `path`.
 * @param secure the cookie's Secure flag (false only in development over http)
 */
export function keepFormDraft(
	db: Db,
	cookies: Cookies,
	path: string,
	fields: FormFields,
	{ now = new Date(), secure = true }: { now?: Date; secure?: boolean } = {}
): void {
	const key = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + DRAFT_LIFETIME_MS);
	const previous = cookies.get(DRAFT_COOKIE_NAME);
	db.transaction((tx) => {
		// Tidy as we go: expired drafts, and this browser's earlier one (a browser keeps one draft).
		tx.delete(formDrafts).where(lte(formDrafts.expiresAt, now)).run();
		if (previous && KEY_PATTERN.test(previous)) {
			tx.delete(formDrafts)
				.where(eq(formDrafts.id, draftId(previous)))
				.run();
		}
		const inserted = tx
			.insert(formDrafts)
			.values({ id: draftId(key), path, data: withoutSecrets(fields), expiresAt })
			.run();
		if (inserted.changes !== 1) throw new Error('The form draft was not kept');
	});
	cookies.set(DRAFT_COOKIE_NAME, key, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: DRAFT_LIFETIME_MS / 1000
	});
}

/**
 * The fields this browser kept for `path`, if any and not expired; the draft is deleted as it is
 * read, so it comes back once. Call it only after checking the person may use the form at `path`.
 */
export function takeFormDraft(
	db: Db,
	cookies: Cookies,
	path: string,
	{ now = new Date() }: { now?: Date } = {}
): FormFields | null {
	const key = cookies.get(DRAFT_COOKIE_NAME);
	if (!key) return null;
	const forget = () => cookies.delete(DRAFT_COOKIE_NAME, { path: '/' });
	if (!KEY_PATTERN.test(key)) {
		forget();
		return null;
	}
	const id = draftId(key);
	const draft = db.select().from(formDrafts).where(eq(formDrafts.id, id)).get();
	if (!draft || draft.expiresAt <= now) {
		if (draft) db.delete(formDrafts).where(eq(formDrafts.id, id)).run();
		forget();
		return null;
	}
	// Kept for another form: leave it for when that page opens.
	if (draft.path !== path) return null;
	const taken = db.delete(formDrafts).where(eq(formDrafts.id, id)).run();
	forget();
	if (taken.changes !== 1 || !isFormFields(draft.data)) return null;
	return draft.data;
}
