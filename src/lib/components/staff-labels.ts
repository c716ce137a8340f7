/** Plain-English words for the staff pages (English only for now). */
import type { FreshnessState } from '$lib/domain/freshness';

export const SUGGESTION_KIND_LABELS = {
	new: 'New entry',
	change: 'Change',
	closed: 'Has closed'
} as const;

/** A freshness state as a tag: its words and its class (the colour repeats what the words say). */
export const FRESHNESS_TAGS: Record<FreshnessState, { text: string; className: string }> = {
	fresh: { text: 'Checked recently', className: 'tag' },
	due: { text: 'Due for a check', className: 'tag tag-grey' },
	stale: { text: 'Stale', className: 'tag tag-warning' },
	archive: { text: 'Overdue: will be archived', className: 'tag tag-warning' }
};
