/** Words for scenarios on the council pages. */
import { formatNumber } from '$lib/domain/format';
import type { ScenarioStatus } from '$lib/domain/scenarios/types';

export const SCENARIO_STATUS_LABELS: Record<ScenarioStatus, string> = {
	draft: 'Draft',
	published: 'Published',
	discarded: 'Discarded'
};

/**
 * A change in people, signed, with a real minus sign.
 * @example signedPeople(1500) // '+1,500'
 */
export function signedPeople(n: number): string {
	const abs = formatNumber(Math.abs(n));
	return n > 0 ? `+${abs}` : n < 0 ? `−${abs}` : '0';
}
