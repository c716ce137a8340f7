/**
 * The English and Welsh message files: every message the pages show exists in both languages, with
 * the same placeholders, and no message is left blank or untranslated by copying the English. A
 * missing Welsh message would quietly fall back to English on a Welsh page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const patterns: string[] = [settings['plugin.inlang.messageFormat'].pathPattern].flat();

type Messages = Record<string, string>;

function readMessages(pattern: string, locale: string): Messages {
	const { $schema: _schema, ...messages } = JSON.parse(
		readFileSync(pattern.replace('{locale}', locale), 'utf8')
	);
	return messages;
}

/** "{name}: {day}s" -> ['day', 'name'] */
const placeholders = (message: string) =>
	[...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/**
 * Messages that are the same in both languages on purpose: names, codes and words Welsh borrows.
 * Each one is listed, so a copied English sentence cannot hide among them.
 */
const SAME_IN_BOTH = new Set(['demo_tag', 'asset_cost', 'week_map', 'patch_page_map_heading']);

describe('message files', () => {
	it('lists the settings’ locales as English and Welsh', () => {
		expect(settings.locales).toEqual(['en', 'cy']);
		expect(patterns.length).toBeGreaterThan(0);
	});

	for (const pattern of patterns) {
		describe(pattern, () => {
			const en = readMessages(pattern, 'en');
			const cy = readMessages(pattern, 'cy');

			it('has a Welsh message for every English one, and no Welsh message without one', () => {
				expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
			});

			it('uses the same placeholders in both languages', () => {
				const mismatched = Object.keys(en).filter(
					(key) => key in cy && placeholders(en[key]).join() !== placeholders(cy[key]).join()
				);
				expect(mismatched).toEqual([]);
			});

			it('has no blank message and no Welsh message copied from the English', () => {
				const blank = Object.keys(en).filter((key) => !en[key].trim() || !cy[key]?.trim());
				expect(blank).toEqual([]);
				const copied = Object.keys(en).filter(
					(key) => cy[key] === en[key] && !SAME_IN_BOTH.has(key) && /[a-z]{3}/i.test(en[key])
				);
				expect(copied).toEqual([]);
			});
		});
	}

	it('never defines the same message in two files', () => {
		const seen = new Map<string, string>();
		const duplicated: string[] = [];
		for (const pattern of patterns) {
			for (const key of Object.keys(readMessages(pattern, 'en'))) {
				if (seen.has(key)) duplicated.push(`${key} (${seen.get(key)} and ${pattern})`);
				seen.set(key, pattern);
			}
		}
		expect(duplicated).toEqual([]);
	});
});
