/** Entry kinds in the plural, as the demand table names what a search asked for. */
export const ASSET_KIND_LABELS_PLURAL: Record<string, string> = {
	group: 'groups',
	venue: 'venues',
	informal_support: 'informal supports',
	service: 'services'
};
