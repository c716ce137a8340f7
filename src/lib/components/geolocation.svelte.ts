/**
 * A "Use my location" button's state: whether the browser can locate at all (known only after mount,
 * as the server has no navigator), whether it is locating now, and whether the last try failed, so
 * the page can suggest a postcode instead.
 */
export class LocationRequest {
	available = $state(false);
	locating = $state(false);
	failed = $state(false);

	/** Call from onMount: the button shows only where it can work. */
	checkAvailable(): void {
		this.available = 'geolocation' in navigator;
	}

	/** Finds the browser's [lon, lat] and hands it to `use` (a navigation); failure from either shows. */
	async locate(use: (point: [number, number]) => Promise<unknown>): Promise<void> {
		this.locating = true;
		this.failed = false;
		try {
			await use(await currentPoint());
		} catch {
			this.failed = true;
		} finally {
			this.locating = false;
		}
	}
}

/** A fix up to ten minutes old will do (a neighbourhood does not move); give up after 15 seconds. */
function currentPoint(): Promise<[number, number]> {
	return new Promise((resolve, reject) => {
		navigator.geolocation.getCurrentPosition(
			(position) => resolve([position.coords.longitude, position.coords.latitude]),
			reject,
			{ enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 }
		);
	});
}
