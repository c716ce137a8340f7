import { describe, expect, it } from 'vitest';
import { inWelshPlace, joinList } from './phrases';

describe('joinList', () => {
	it('joins names with commas and "and" in English', () => {
		expect(joinList([])).toBe('');
		expect(joinList(['Tracey Thwaite'])).toBe('Tracey Thwaite');
		expect(joinList(['Tracey', 'Carys'])).toBe('Tracey and Carys');
		expect(joinList(['Tracey', 'Carys', 'Imran'], 'en')).toBe('Tracey, Carys and Imran');
	});

	it('uses "a" in Welsh, and "ac" before a vowel', () => {
		expect(joinList(['Tracey', 'Carys'], 'cy')).toBe('Tracey a Carys');
		expect(joinList(['Tracey', 'Carys', 'Imran'], 'cy')).toBe('Tracey, Carys ac Imran');
		expect(joinList(['Carys', 'Owain'], 'cy')).toBe('Carys ac Owain');
		expect(joinList(['Carys', 'Ynyr'], 'cy')).toBe('Carys ac Ynyr');
		expect(joinList(['Carys', 'Ëlin'], 'cy')).toBe('Carys ac Ëlin');
		// H and W are consonants here: "a Huw", "a William".
		expect(joinList(['Carys', 'Huw'], 'cy')).toBe('Carys a Huw');
		expect(joinList(['Carys', 'William'], 'cy')).toBe('Carys a William');
	});
});

describe('inWelshPlace', () => {
	it('mutates the name after "yn" (nasal mutation)', () => {
		expect(inWelshPlace('Canol Tref Fennick')).toBe('yng Nghanol Tref Fennick');
		expect(inWelshPlace('Bryn Eithin a Hollins Park')).toBe('ym Mryn Eithin a Hollins Park');
		expect(inWelshPlace('Pontypridd')).toBe('ym Mhontypridd');
		expect(inWelshPlace('Tredegar')).toBe('yn Nhredegar');
		expect(inWelshPlace('Dyffryn Fennick')).toBe('yn Nyffryn Fennick');
		expect(inWelshPlace('Gwynedd')).toBe('yng Ngwynedd');
	});

	it('changes only "yn" before m, and nothing before other letters', () => {
		expect(inWelshPlace('Machynlleth')).toBe('ym Machynlleth');
		expect(inWelshPlace('Abertawe')).toBe('yn Abertawe');
		expect(inWelshPlace('Llanelli')).toBe('yn Llanelli');
		expect(inWelshPlace('Sir Gâr')).toBe('yn Sir Gâr');
		expect(inWelshPlace('Rhyl')).toBe('yn Rhyl');
	});

	it('leaves the letters ch, ph, th as they are', () => {
		expect(inWelshPlace('Chwilog')).toBe('yn Chwilog');
		expect(inWelshPlace('Theatr y Dref')).toBe('yn Theatr y Dref');
	});

	it('keeps lower case, and starts a sentence with a capital when asked', () => {
		expect(inWelshPlace('canolfan gymunedol')).toBe('yng nghanolfan gymunedol');
		expect(inWelshPlace('Canolfan Gymunedol Aldermoor', true)).toBe(
			'Yng Nghanolfan Gymunedol Aldermoor'
		);
	});
});
