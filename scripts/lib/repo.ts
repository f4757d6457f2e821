import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Runtime from './runtime';

/**
 * The clone's root, found by walking up: this code runs both from scripts/lib (jest) and compiled from
 * .build/scripts/lib (npm start, npm run demo), and the plain-JS helpers beside it are not copied by tsc.
 */
function findRepoRoot(from: string): string {
	let dir = from;
	while (!fs.existsSync(path.join(dir, 'scripts', 'install-n8n.js'))) {
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`no repository root above ${from}`);
		dir = parent;
	}
	return dir;
}

export const repoRoot = findRepoRoot(__dirname);

export function repoPath(...parts: string[]): string {
	return path.join(repoRoot, ...parts);
}

export function loadRuntime(): typeof Runtime {
	return require(repoPath('scripts', 'lib', 'runtime.js')) as typeof Runtime;
}
