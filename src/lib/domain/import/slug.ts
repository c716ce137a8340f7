/**
 * A URL slug from a name: lower-case ASCII words joined by hyphens, accents dropped.
 * @example slugify('Ashton-on-Mersey & Sale Moor') // 'ashton-on-mersey-and-sale-moor'
 * @example slugify('Ysgol Gymraeg Bro Ddyfi') // 'ysgol-gymraeg-bro-ddyfi'
 */
export function slugify(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
}
