import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * n8n-core reads its settings from the environment the first time its DI container builds them, so this file
 * must be imported before anything asks the container for InstanceSettings, Logger or OutboundHttp.
 * - N8N_USER_FOLDER: n8n-core writes an encryption-key file there; keep it out of the developer's ~/.n8n.
 * - N8N_LOG_LEVEL: n8n logs every failed node with its stack (its error reporter without Sentry); a test that
 *   provokes failures on purpose would drown in that. Run with N8N_LOG_LEVEL=debug to see n8n's log.
 * The expression engine (N8N_EXPRESSION_ENGINE) is chosen in expressionEngine.ts.
 */
const userFolder = join(tmpdir(), 'n8n-nodes-mijnwebwinkel-eboekhouden-harness');
mkdirSync(userFolder, { recursive: true });
process.env.N8N_USER_FOLDER ??= userFolder;
process.env.N8N_ENCRYPTION_KEY ??= 'harness-encryption-key';
process.env.N8N_LOG_LEVEL ??= 'silent';

/** The package name n8n puts in front of our node type names (`<package>.<description.name>`). */
export const PACKAGE_NAME = 'n8n-nodes-mijnwebwinkel-eboekhouden';

/** The base URLs a default local n8n 2.x reports; n8n-core builds `$execution.resumeUrl` and friends from them. */
export const INSTANCE_URLS = {
	instanceBaseUrl: 'http://localhost:5678/',
	restApiUrl: 'http://localhost:5678/rest',
	formBaseUrl: 'http://localhost:5678/form',
	formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
	formTestBaseUrl: 'http://localhost:5678/form-test',
	webhookBaseUrl: 'http://localhost:5678/webhook',
	webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
	webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
	mcpBaseUrl: 'http://localhost:5678/mcp',
	mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
};
