/**
 * The browser's location as [lon, lat], for "Use my location" buttons. Rejects when the browser
 * has no geolocation, the person says no, or no fix comes within 15 seconds; callers then suggest a
 * postcode. A fix up to ten minutes old will do: a neighbourhood does not move.
 */
export function currentPoint(): Promise<[number, number]> {
	return new Promise((resolve, reject) => {
		if (!('geolocation' in navigator)) return reject(new Error('No geolocation in this browser'));
		navigator.geolocation.getCurrentPosition(
			(position) => resolve([position.coords.longitude, position.coords.latitude]),
			reject,
			{ enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 }
		);
	});
}

/** Whether a "Use my location" button can work here; call it after mount (no navigator on the server). */
export const canLocate = (): boolean => 'geolocation' in navigator;
