import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { addSecurityHeaders, HSTS, isEmbedPath, requestCameOverHttps } from './security-headers';
import { installNodeSecurityHeaders } from './node-headers';

describe('addSecurityHeaders', () => {
	it('sets the safety headers, and HSTS only over HTTPS', () => {
		const plain = new Headers({ 'content-type': 'text/html' });
		addSecurityHeaders(plain, false);
		expect(Object.fromEntries(plain)).toEqual({
			'content-type': 'text/html',
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'strict-origin-when-cross-origin',
			'x-frame-options': 'DENY',
			'permissions-policy': 'camera=(), microphone=(), geolocation=(self), payment=(), usb=()',
			'content-security-policy': "frame-ancestors 'none'"
		});
		const secure = new Headers();
		addSecurityHeaders(secure, true);
		expect(secure.get('strict-transport-security')).toBe(HSTS);
	});

	it("adds frame-ancestors beside a page's own policy, and leaves one that has it", () => {
		const own = new Headers({ 'content-security-policy': "script-src 'self'" });
		addSecurityHeaders(own, false);
		expect(own.get('content-security-policy')).toBe("script-src 'self', frame-ancestors 'none'");
		const framed = new Headers({ 'content-security-policy': "frame-ancestors 'self'" });
		addSecurityHeaders(framed, false);
		expect(framed.get('content-security-policy')).toBe("frame-ancestors 'self'");
	});
});

describe('the embeddable widget', () => {
	it('may be framed by any site, and only under /embed/ in either language', () => {
		const embed = new Headers({ 'content-security-policy': "script-src 'self'" });
		addSecurityHeaders(embed, false, true);
		expect(embed.get('content-security-policy')).toBe("script-src 'self', frame-ancestors *");
		expect(embed.get('x-frame-options')).toBeNull();
		expect(embed.get('x-content-type-options')).toBe('nosniff');
		for (const path of ['/embed/patches/northfield', '/cy/embed/patches/northfield']) {
			expect(isEmbedPath(path), path).toBe(true);
		}
		for (const path of ['/', '/embed', '/embedded/x', '/patches/northfield', '/cy/embedx/a']) {
			expect(isEmbedPath(path), path).toBe(false);
		}
	});
});

describe('requestCameOverHttps', () => {
	const none = () => undefined;
	it('follows ORIGIN when it is set', () => {
		expect(requestCameOverHttps({ ORIGIN: 'https://patchwork.example.gov.uk' }, none)).toBe(true);
		expect(requestCameOverHttps({ ORIGIN: 'http://localhost:3000' }, () => 'https')).toBe(false);
	});

	it("follows the proxy's protocol header, as adapter-node does", () => {
		const env = { PROTOCOL_HEADER: 'X-Forwarded-Proto' };
		expect(requestCameOverHttps(env, (name) => ({ 'x-forwarded-proto': 'https' })[name])).toBe(
			true
		);
		expect(requestCameOverHttps(env, () => 'http')).toBe(false);
		expect(requestCameOverHttps(env, () => 'http, https')).toBe(false);
		// adapter-node takes a request with no protocol header to be https.
		expect(requestCameOverHttps(env, none)).toBe(true);
	});
});

describe('installNodeSecurityHeaders', () => {
	const createServer = http.createServer;
	afterEach(() => {
		http.createServer = createServer;
	});

	it('sets the headers before any other listener answers, which may add and replace headers', async () => {
		installNodeSecurityHeaders({ ORIGIN: 'https://patchwork.example.gov.uk' });
		const server = http.createServer();
		server.on('request', (_request, response) => {
			// As sirv answers a built file.
			response.writeHead(200, {
				'Content-Type': 'text/javascript',
				'X-Frame-Options': 'SAMEORIGIN'
			});
			response.end('ok');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as { port: number };
		try {
			const response = await fetch(`http://127.0.0.1:${port}/_app/immutable/x.js`);
			expect(response.headers.get('content-type')).toBe('text/javascript');
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
			expect(response.headers.get('strict-transport-security')).toBe(HSTS);
			expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
			// The widget's page: no refusal to be framed here for SvelteKit's answer to sit beside.
			const embed = await fetch(`http://127.0.0.1:${port}/cy/embed/patches/northfield?x=1`);
			expect(embed.headers.get('content-security-policy')).toBeNull();
			expect(embed.headers.get('x-content-type-options')).toBe('nosniff');
		} finally {
			server.close();
		}
	});
});
