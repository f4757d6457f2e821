'use strict';
/**
 * Packs the package to .e2e/package/package.tgz: the tarball the e2e tests, `npm start` and `npm run demo`
 * install into n8n (the same files a user gets from the registry). Builds first unless dist/ is newer than every
 * source file (npm test has just built it).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const repoRoot = path.resolve(__dirname, '..', '..');
const destination = path.join(repoRoot, '.e2e', 'package');
const tarball = path.join(destination, 'package.tgz');
const sources = [
	'nodes',
	'credentials',
	'index.ts',
	'package.json',
	'tsconfig.json',
	'gulpfile.js',
];

function run(args) {
	const result = spawnSync('npm', args, { cwd: repoRoot, encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(
			`npm ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
		);
	}
	return result.stdout;
}

function newestChange(entry) {
	const stat = fs.statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return fs
		.readdirSync(entry)
		.reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

function isBuilt() {
	const built = path.join(repoRoot, 'dist', 'index.js');
	if (!fs.existsSync(built)) return false;
	const sourceChange = Math.max(
		...sources.map((entry) => newestChange(path.join(repoRoot, entry))),
	);
	return sourceChange < fs.statSync(built).mtimeMs;
}

function buildAndPack() {
	if (!isBuilt()) run(['run', '-s', 'build']);
	fs.rmSync(destination, { recursive: true, force: true });
	fs.mkdirSync(destination, { recursive: true });
	const [{ filename }] = JSON.parse(run(['pack', '--json', '--pack-destination', destination]));
	fs.renameSync(path.join(destination, filename), tarball);
	return tarball;
}

module.exports = { buildAndPack, tarball };

if (require.main === module) {
	try {
		process.stdout.write(`packed ${path.relative(repoRoot, buildAndPack())}\n`);
	} catch (error) {
		process.stderr.write(`${error.message}\n`);
		process.exitCode = 1;
	}
}
