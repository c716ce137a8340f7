import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
	COMMON_PASSWORD_MESSAGE,
	checkPasswordStrength,
	isCommonPassword,
	loadCommonPasswords,
	generatePassword,
	hashPassword,
	verifyDummyPassword,
	verifyPassword
} from './password';

describe('hashPassword and verifyPassword', () => {
	it('stores argon2id with the OWASP settings and never the password itself', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(stored.startsWith('$argon2id$')).toBe(true);
		expect(stored).not.toContain('correct horse battery');
		expect(parseOptions(stored)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
	});

	it('accepts the right password and refuses a wrong one', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(stored, 'Correct horse battery')).toBe(false);
	});

	it('salts each hash, so the same password gives different hashes', async () => {
		expect(await hashPassword('same password here')).not.toBe(
			await hashPassword('same password here')
		);
	});

	it('treats a damaged hash as a mismatch rather than throwing', async () => {
		expect(await verifyPassword('not a hash', 'whatever password')).toBe(false);
	});

	it('runs a dummy check without throwing', async () => {
		await expect(verifyDummyPassword('anything at all')).resolves.toBeUndefined();
	});
});

describe('checkPasswordStrength', () => {
	it('accepts 12 or more characters', () => {
		expect(checkPasswordStrength('abcdefghijkl')).toBeNull();
		expect(checkPasswordStrength('four words in a row')).toBeNull();
	});

	it('refuses fewer than 12 characters', () => {
		expect(checkPasswordStrength('abcdefghijk')).toBe('Password must be 12 characters or more');
		expect(checkPasswordStrength('')).toBe('Password must be 12 characters or more');
	});

	it('counts characters, not UTF-16 units', () => {
		expect(checkPasswordStrength('🔑'.repeat(6) + 'abcde')).toBe(
			'Password must be 12 characters or more'
		);
	});

	it('refuses one character repeated', () => {
		expect(checkPasswordStrength('aaaaaaaaaaaaaaaa')).toBe(
			'Password must not be one character repeated'
		);
	});

	it('refuses a password among the 10,000 most common, whatever its case', () => {
		expect(checkPasswordStrength('unbelievable')).toBe(COMMON_PASSWORD_MESSAGE);
		expect(checkPasswordStrength('UnBelievable')).toBe(COMMON_PASSWORD_MESSAGE);
		expect(checkPasswordStrength('SCANDINAVIAN')).toBe(COMMON_PASSWORD_MESSAGE);
		// Shorter common ones are refused for their length first; the list still knows them.
		expect(isCommonPassword('PASSWORD')).toBe(true);
		expect(isCommonPassword('qwerty')).toBe(true);
	});

	it('asks for nothing else: no digits, capitals or symbols required', () => {
		expect(checkPasswordStrength('unbelievable garden')).toBeNull();
		expect(checkPasswordStrength('onlylowercaseletters')).toBeNull();
	});

	it('refuses more than 256 characters', () => {
		expect(checkPasswordStrength('ab'.repeat(129))).toBe(
			'Password must be 256 characters or fewer'
		);
	});
});

describe('the list of common passwords', () => {
	it('holds the 10,000 passwords of its file, one a line, in lower case', () => {
		const lines = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
			.split('\n')
			.filter(Boolean);
		expect(lines).toHaveLength(10_000);
		expect(lines.slice(0, 3)).toEqual(['password', '123456', '12345678']);
		expect(loadCommonPasswords().size).toBe(new Set(lines.map((l) => l.toLowerCase())).size);
	});
});

describe('generatePassword', () => {
	it('makes passwords that pass the strength rule and differ each time', () => {
		const a = generatePassword();
		const b = generatePassword();
		expect(a).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
		expect(checkPasswordStrength(a)).toBeNull();
		expect(a).not.toBe(b);
	});
});
