import { describe, expect, it } from 'vitest';
import { phraseParts, phraseText } from './phrase';

const title = {
	en: (patch: string) => `What's on in ${patch}`,
	cy: (patch: string) => `Beth sydd ymlaen yn ${patch}`
};

describe('phraseParts', () => {
	it('leaves an English page as it is', () => {
		expect(phraseParts(title.en, { text: 'Fennick Town Centre', lang: undefined }, 'en')).toEqual([
			{ text: "What's on in " },
			{ text: 'Fennick Town Centre', lang: undefined }
		]);
	});

	it('marks an English name on a Welsh page, and does not mutate it', () => {
		expect(
			phraseParts(title.cy, { text: 'Aldermoor and Starling Bank', lang: 'en' }, 'cy')
		).toEqual([
			{ text: 'Beth sydd ymlaen yn ' },
			{ text: 'Aldermoor and Starling Bank', lang: 'en' }
		]);
	});

	it('mutates a Welsh name after "yn", also mid-sentence', () => {
		const welsh = { text: 'Canol Tref Fennick', lang: undefined };
		expect(phraseText(title.cy, welsh, 'cy')).toBe('Beth sydd ymlaen yng Nghanol Tref Fennick');
		expect(
			phraseText((patch) => `Mae Farhan yn gweithio yn ${patch}. Dewch i ddweud helo.`, welsh, 'cy')
		).toBe('Mae Farhan yn gweithio yng Nghanol Tref Fennick. Dewch i ddweud helo.');
		expect(phraseText((name) => `Yn ${name}`, { text: 'Canolfan', lang: undefined }, 'cy')).toBe(
			'Yng Nghanolfan'
		);
	});

	it('does not mutate after words ending in "yn", or other words', () => {
		const welsh = { text: 'Canol Tref Fennick', lang: undefined };
		expect(phraseText((patch) => `Map yn dangos ${patch}`, welsh, 'cy')).toBe(
			'Map yn dangos Canol Tref Fennick'
		);
		expect(phraseText((patch) => `Dyffryn ${patch}`, welsh, 'cy')).toBe(
			'Dyffryn Canol Tref Fennick'
		);
	});
});
