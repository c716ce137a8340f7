/** An outbox message as the admin pages show it. */
import { formatDateTime, formatNumber } from '$lib/domain/format';
import type { OutboxMessage } from '$lib/server/email';

const STATUS: Record<string, string> = {
	queued: 'Waiting to send',
	sent: 'Sent',
	failed: 'Failed'
};

export function outboxView(message: OutboxMessage) {
	return {
		id: message.id,
		to: message.toAddress,
		subject: message.subject,
		status: message.status,
		statusLabel: STATUS[message.status] ?? message.status,
		attempts: formatNumber(message.attempts),
		lastError: message.lastError,
		created: formatDateTime(message.createdAt),
		sent: message.sentAt ? formatDateTime(message.sentAt) : null,
		nextTry:
			message.status === 'queued' && message.nextAttemptAt
				? formatDateTime(message.nextAttemptAt)
				: null
	};
}
