/** Email: queue it in the outbox inside a change's transaction; the runner sends it over SMTP. */
export {
	getOutboxMessage,
	listOutbox,
	queueEmail,
	retryNow,
	OUTBOX_PAGE_SIZE,
	type EmailMessage,
	type OutboxMessage
} from './outbox';
export { sendQueued, type MailTransport, type SendReport } from './send';
export { createSmtpTransport, smtpConfigFromEnv, SmtpConfigError, type SmtpConfig } from './smtp';
export { getEmailRunner, setEmailRunner, startEmailRunner, type EmailRunner } from './runner';
