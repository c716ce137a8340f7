/** Community groups: most meet at a venue, some online, some roaming (a walk starts somewhere new). */
import { ACTIVE_GROUPS } from './groups-active';
import { CREATIVE_GROUPS } from './groups-creative';
import { SOCIAL_GROUPS } from './groups-social';
import type { AssetTemplate } from './template-types';

export const GROUP_TEMPLATES: readonly AssetTemplate[] = [
	...SOCIAL_GROUPS,
	...CREATIVE_GROUPS,
	...ACTIVE_GROUPS
];
