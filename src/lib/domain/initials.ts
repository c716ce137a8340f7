/**
 * A person's initials, for the round badge that stands in for a photo: the first letter of the first
 * and last words of the name, upper case ("Dr", "Mr", "Mrs", "Ms", "Miss" left out). Letters with
 * accents stay as they are ("Ŵyn" gives "Ŵ").
 * @example initials('Priya Shah') // 'PS'
 * @example initials('Siân Ellis-Roberts') // 'SE'
 * @example initials('Cher') // 'C'
 */
export function initials(name: string): string {
	const titles = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx']);
	const words = name
		.trim()
		.split(/\s+/)
		.filter((word) => word && !titles.has(word.toLowerCase().replace(/\.$/, '')));
	if (!words.length) return '';
	const first = [...words[0]][0] ?? '';
	const last = words.length > 1 ? ([...words.at(-1)!][0] ?? '') : '';
	return (first + last).toLocaleUpperCase('en-GB');
}
