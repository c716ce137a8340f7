// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Role } from '$lib/domain/vocabulary';

declare global {
	namespace App {
		interface Error {
			/** The database was busy (a long import): nothing was saved, trying again will work. */
			busy?: boolean;
			message: string;
			/** Quoted to the person so an administrator can find the log line. */
			errorId?: string;
		}
		interface Locals {
			user: { id: number; email: string; displayName: string; role: Role } | null;
			session: { id: string; expiresAt: Date } | null;
			/** Set by a page's load when its answer is the same for every visitor (http/page-cache.ts). */
			sharedPage?: { eachTime?: () => void };
		}
	}
}

export {};
