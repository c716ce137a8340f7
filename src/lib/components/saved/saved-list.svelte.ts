/**
 * The resident's shortlist in this browser: entry ids in localStorage, nothing sent anywhere. One
 * shared instance, so every Save button on a page and the /saved page agree; other tabs' changes
 * arrive through the `storage` event. Read only in the browser (after mount): on the server, and
 * before the page hydrates, the list is unknown and nothing that depends on it is shown.
 */
import { mergeIds, readStoredIds, removeId, storedText, MAX_SAVED } from '$lib/domain/saved/saved';

const KEY = 'patchwork-saved';

class SavedList {
	/** The kept ids, in the order saved. */
	ids = $state<number[]>([]);
	/** True once the list has been read from this browser. */
	ready = $state(false);
	/** False when this browser keeps nothing (storage off or full): Save is then not offered. */
	available = $state(true);

	/** Reads the list once, and follows other tabs. Safe to call from every component's mount. */
	load(): void {
		if (this.ready) return;
		try {
			this.ids = readStoredIds(localStorage.getItem(KEY));
			window.addEventListener('storage', (event) => {
				if (event.key === KEY || event.key === null) this.ids = readStoredIds(event.newValue);
			});
		} catch {
			this.available = false;
		}
		this.ready = true;
	}

	has(id: number): boolean {
		return this.ids.includes(id);
	}

	get full(): boolean {
		return this.ids.length >= MAX_SAVED;
	}

	/** Adds ids; returns how many did not fit. */
	add(ids: readonly number[]): number {
		const merged = mergeIds(this.ids, ids);
		this.write(merged.ids);
		return merged.left;
	}

	remove(id: number): void {
		this.write(removeId(this.ids, id));
	}

	clear(): void {
		this.write([]);
	}

	private write(ids: number[]): void {
		try {
			if (ids.length) localStorage.setItem(KEY, storedText(ids));
			else localStorage.removeItem(KEY);
			this.ids = ids;
		} catch {
			// A browser that refuses storage: the button says nothing was kept rather than pretending.
			this.available = false;
		}
	}
}

export const savedList = new SavedList();
