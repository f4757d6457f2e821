'use strict';
/**
 * What `npm start` and `npm run demo` do before anything else: the cached n8n runtime (installed on first use),
 * then the TypeScript of the sandbox and of scripts/lib compiled to .build/ (tsconfig.test.json).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureDependencies } = require('./ensureDependencies');

const repoRoot = path.resolve(__dirname, '..', '..');

function prepare(log) {
	ensureDependencies(log);
	const install = spawnSync(process.execPath, [path.join(__dirname, '..', 'install-n8n.js')], {
		stdio: 'inherit',
	});
	if (install.status !== 0) throw new Error('installing the n8n runtime failed (see above)');
	log('Compiling the sandbox and scripts…');
	const compiled = path.join(repoRoot, '.build', 'scripts', 'lib', 'demo.js');
	const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.test.json'], {
		cwd: repoRoot,
		encoding: 'utf8',
	});
	if (tsc.status !== 0) {
		// tsc still emits on type errors; carry on if the files we need came out, but say so.
		if (!fs.existsSync(compiled)) throw new Error(`compiling failed:\n${tsc.stdout}${tsc.stderr}`);
		log(`warning: tsc reported type errors (npx tsc -p tsconfig.test.json to see them)`);
	}
	return require(compiled);
}

/** `--name value` and `--flag` arguments. */
function parseArgs(argv, flags) {
	const args = {};
	for (let i = 0; i < argv.length; i++) {
		const match = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!match) throw new Error(`unexpected argument ${argv[i]}`);
		const [, name, inline] = match;
		if (flags.includes(name)) args[name] = true;
		else if (inline !== undefined) args[name] = inline;
		else if (i + 1 < argv.length) args[name] = argv[++i];
		else throw new Error(`--${name} needs a value`);
	}
	return args;
}

function port(value, fallback) {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 0 || number > 65535)
		throw new Error(`not a port: ${value}`);
	return number;
}

module.exports = { prepare, parseArgs, port, repoRoot };
