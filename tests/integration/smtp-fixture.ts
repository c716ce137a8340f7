/**
 * A real SMTP server (smtp-server) on a loopback port, in the test's own process, that keeps what it
 * receives (or refuses every recipient), and helpers to read the messages it got.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

interface Received {
	from: string;
	to: string[];
	raw: string;
}

/** An SMTP server on 127.0.0.1 that keeps what it receives, or refuses every recipient. */
export async function startSmtpServer({ refuse = false } = {}) {
	const received: Received[] = [];
	const logins: string[] = [];
	const server = new SMTPServer({
		// Plain SMTP on loopback: no certificate to make, and AUTH allowed without TLS for the test.
		disabledCommands: ['STARTTLS'],
		allowInsecureAuth: true,
		authOptional: true,
		logger: false,
		onAuth(auth, _session, callback) {
			if (auth.username === 'patchwork' && auth.password === 'smtp-secret') {
				logins.push(auth.username);
				callback(null, { user: auth.username });
			} else callback(new Error('Invalid username or password'));
		},
		onRcptTo(address, _session, callback) {
			if (refuse) {
				const error = new Error(`Mailbox ${address.address} unavailable`) as Error & {
					responseCode: number;
				};
				error.responseCode = 550;
				callback(error);
			} else callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	server.listen(0, '127.0.0.1');
	await once(server.server, 'listening');
	const port = (server.server.address() as AddressInfo).port;
	return {
		port,
		received,
		logins,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** The body of a plain-text message, quoted-printable soft breaks and escapes undone. */
export function bodyOf(raw: string): string {
	const [head, ...rest] = raw.split('\r\n\r\n');
	const body = rest.join('\r\n\r\n');
	if (/content-transfer-encoding: quoted-printable/i.test(head)) {
		return body
			.replace(/=\r\n/g, '')
			.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	}
	return body;
}

export function header(raw: string, name: string): string | undefined {
	const head = raw.split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
	return head
		.split('\r\n')
		.find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
		?.slice(name.length + 1)
		.trim();
}
