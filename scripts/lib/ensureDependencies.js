'use strict';
/**
 * `npm start` and `npm test` are the only two commands a fresh clone needs: when the project's own npm packages
 * are not installed yet, install them exactly as the lockfile pins them.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const repoRoot = path.resolve(__dirname, '..', '..');
const MARKERS = ['typescript', 'jest', 'n8n-workflow'].map((name) =>
	path.join(repoRoot, 'node_modules', name, 'package.json'),
);

function ensureDependencies(log = (line) => process.stdout.write(`${line}\n`)) {
	if (MARKERS.every((marker) => fs.existsSync(marker))) return;
	log('Installing the npm packages this project needs (npm ci)…');
	const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
		cwd: repoRoot,
		stdio: 'inherit',
	});
	if (result.status !== 0) throw new Error('npm ci failed (see above)');
}

module.exports = { ensureDependencies };
