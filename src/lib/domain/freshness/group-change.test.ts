import { describe, expect, it } from 'vitest';
import { readGroupChange } from './group-change';
import type { EntryValues } from '../moderation';

const current: EntryValues = {
	name: 'Knit and Natter',
	nameCy: '',
	description: 'Knitting and a chat.',
	descriptionCy: '',
	cost: 'free',
	costDetail: '',
	phone: '01632 960001',
	email: '',
	website: ''
};
const form = (values: Record<string, string> = {}) => ({
	name: current.name,
	description: current.description,
	phone: current.phone,
	email: '',
	website: '',
	details: '',
	...values
});

describe('reading "Something has changed"', () => {
	it('keeps only the values that changed, and the free text', () => {
		expect(
			readGroupChange(
				current,
				form({ phone: ' 01632 960999 ', details: 'We meet on Fridays now.' })
			)
		).toEqual({
			ok: true,
			change: { fields: { phone: '01632 960999' }, details: 'We meet on Fridays now.' }
		});
	});

	it('takes a cleared value as a change', () => {
		expect(readGroupChange(current, form({ phone: '' }))).toEqual({
			ok: true,
			change: { fields: { phone: '' }, details: null }
		});
	});

	it('refuses a form that changes nothing, saying what to do', () => {
		const result = readGroupChange(current, form({ name: ' Knit and Natter ' }));
		expect(result).toEqual({
			ok: false,
			errors: { details: expect.stringContaining('Change at least one of the details above') }
		});
	});

	it('names the field that is too long or missing', () => {
		expect(readGroupChange(current, form({ name: '', details: 'x'.repeat(2001) }))).toEqual({
			ok: false,
			errors: {
				name: 'Enter the name',
				details: 'What else has changed must be 2,000 characters or fewer'
			}
		});
		expect(readGroupChange(current, form({ description: 'x'.repeat(5001) }))).toEqual({
			ok: false,
			errors: { description: 'What it does must be 5,000 characters or fewer' }
		});
	});

	it('treats a field not sent as empty', () => {
		const result = readGroupChange(current, {
			name: 'Knit and Natter',
			details: 'Closed in August'
		});
		expect(result).toMatchObject({
			ok: true,
			change: { fields: { description: '', phone: '' }, details: 'Closed in August' }
		});
	});
});
