import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hsdsIds } from './ids';
import { isUuid, parseUuidV8, sha1, uuidV5, uuidV8 } from './uuid';

const hex = (bytes: Uint8Array) =>
	Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('sha1', () => {
	it('matches the FIPS 180 test vectors', () => {
		expect(hex(sha1(utf8('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
		expect(hex(sha1(utf8('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
		expect(hex(sha1(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
			'84983e441c3bd26ebaae4aa1f95129e5e54670f1'
		);
	});

	it('agrees with node:crypto on every length across the 64-byte block edges', () => {
		for (let length = 0; length < 200; length++) {
			const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
			expect(hex(sha1(bytes))).toBe(createHash('sha1').update(bytes).digest('hex'));
		}
	});
});

describe('uuidV5', () => {
	it('gives the RFC example for www.example.com in the DNS namespace', () => {
		expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
			'2ed6657d-e927-568b-95e1-2665a8aea6a2'
		);
	});
});

describe('uuidV8', () => {
	it('carries a kind and a row id there and back', () => {
		const uuid = uuidV8('a1b2c3d4e5f6', 1, 42);
		expect(uuid).toBe('a1b2c3d4-e5f6-8001-8000-00000000002a');
		expect(isUuid(uuid)).toBe(true);
		expect(parseUuidV8('a1b2c3d4e5f6', uuid.toUpperCase())).toEqual({ kind: 1, id: 42 });
		expect(parseUuidV8('000000000000', uuid)).toBeNull();
		expect(parseUuidV8('a1b2c3d4e5f6', '2ed6657d-e927-568b-95e1-2665a8aea6a2')).toBeNull();
	});

	it('refuses ids it cannot hold', () => {
		expect(() => uuidV8('a1b2c3d4e5f6', 1, -1)).toThrow(RangeError);
		expect(() => uuidV8('a1b2c3d4e5f6', 1, 2 ** 48)).toThrow(RangeError);
	});
});

describe('hsdsIds', () => {
	it('is the same for the same programme and differs between programmes', () => {
		const ids = hsdsIds('fennick-vale');
		expect(ids.row('service', 7)).toBe(hsdsIds('fennick-vale').row('service', 7));
		expect(ids.row('service', 7)).not.toBe(hsdsIds('trafford').row('service', 7));
		expect(ids.term('category:food')).not.toBe(hsdsIds('trafford').term('category:food'));
	});

	it('reads back only ids of the asked kind', () => {
		const ids = hsdsIds('fennick-vale');
		expect(ids.parseRow('service', ids.row('service', 7))).toBe(7);
		expect(ids.parseRow('service', ids.row('location', 7))).toBeNull();
		expect(ids.parseRow('service', hsdsIds('trafford').row('service', 7))).toBeNull();
		expect(ids.parseRow('service', 'not-a-uuid')).toBeNull();
	});
});
