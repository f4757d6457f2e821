import { Expression } from 'n8n-workflow';

type EngineName = 'legacy' | 'vm' | 'quickjs';

let starting: Promise<void> | undefined;

/**
 * Starts n8n's expression engine once per test file, with n8n's own pool and limits (`@n8n/config`).
 * N8N_EXPRESSION_ENGINE picks it, as in n8n:
 * - `legacy` (default here): n8n-workflow's in-process engine, the same parser, extensions and data proxy.
 * - `quickjs`: n8n's sandboxed engine. @n8n/expression-runtime loads it with a dynamic import(), which Jest only
 *   allows with NODE_OPTIONS=--experimental-vm-modules; without that flag starting it fails loudly.
 * - `vm` (n8n 2.40's production default) needs isolated-vm's native module, which is not built for Node 20 here.
 */
export async function ensureExpressionEngine(): Promise<void> {
	starting ??= start();
	await starting;
}

/** The engine that evaluates `={{ … }}` right now: 'legacy', 'quickjs' or 'vm'. */
export function expressionEngineInUse(): string {
	return Expression.getActiveImplementation();
}

async function start(): Promise<void> {
	const engine = (process.env.N8N_EXPRESSION_ENGINE || 'legacy') as EngineName;
	Expression.setExpressionEngine(engine);
	if (engine === 'legacy') return;
	await Expression.initExpressionEngine({
		engine,
		poolSize: 1,
		maxCodeCacheSize: 1024,
		bridgeTimeout: 5000,
		bridgeMemoryLimit: 128,
	});
}

// The sandboxed engines keep a pool alive; release it when the test file ends so Jest can exit.
// Registered at import time because Jest refuses hooks that are added while a test runs.
if (typeof afterAll === 'function') {
	afterAll(async () => {
		if (starting) await Expression.disposeExpressionEngine();
		starting = undefined;
	});
}
