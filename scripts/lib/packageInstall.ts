import * as fs from 'node:fs';
import * as path from 'node:path';
import { runOrThrow } from './shell';
import { repoPath } from './repo';

interface Packer {
	buildAndPack(): string;
}

/** The packed package (.e2e/package/package.tgz), built first if dist/ is older than the sources. */
export function ensureTarball(): string {
	const packer = require(repoPath('scripts', 'lib', 'pack.js')) as Packer;
	return packer.buildAndPack();
}

/**
 * Installs the tarball the way n8n installs a community package: into `<userFolder>/.n8n/nodes/node_modules`.
 * `--legacy-peer-deps` keeps npm from pulling a second n8n-workflow (the peer): the nodes then use n8n's own.
 */
export function installIntoN8n(userFolder: string, tarball: string): void {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(
			manifest,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }),
		);
	}
	runOrThrow(
		'npm',
		[
			'install',
			tarball,
			'--legacy-peer-deps',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--package-lock=false',
		],
		nodesDir,
	);
}
