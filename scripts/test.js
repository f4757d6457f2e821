#!/usr/bin/env node
/**
 * `npm test`: every test there is. Builds the package (the end-to-end suite installs what `npm pack` makes),
 * runs the unit and integration suites, installs the pinned n8n runtime if it is not cached yet, runs the
 * end-to-end suite against a real n8n, and ends with one plain summary line ("N passed, N failed").
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureDependencies } = require('./lib/ensureDependencies');

const root = path.resolve(__dirname, '..');
const resultsDir = path.join(root, '.build');
fs.mkdirSync(resultsDir, { recursive: true });

function run(command, args, env = {}) {
	const result = spawnSync(command, args, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...env },
	});
	return result.status ?? 1;
}

function jest(name, projects, extraArgs) {
	const outputFile = path.join(resultsDir, `jest-${name}.json`);
	fs.rmSync(outputFile, { force: true });
	const status = run('npx', [
		'jest',
		'--selectProjects',
		...projects,
		'--json',
		`--outputFile=${outputFile}`,
		...extraArgs,
	]);
	const results = fs.existsSync(outputFile)
		? JSON.parse(fs.readFileSync(outputFile, 'utf8'))
		: undefined;
	return {
		status,
		passed: results?.numPassedTests ?? 0,
		failed: (results?.numFailedTests ?? 0) + (results ? results.numRuntimeErrorTestSuites : 1),
		skipped: (results?.numPendingTests ?? 0) + (results?.numTodoTests ?? 0),
	};
}

ensureDependencies();
const stages = [];
if (run('npm', ['run', '-s', 'build']) !== 0) {
	console.error('Build failed.');
	stages.push({ status: 1, passed: 0, failed: 1, skipped: 0 });
} else {
	stages.push(jest('fast', ['unit', 'integration'], ['--maxWorkers=2']));
	const hasE2e =
		fs.existsSync(path.join(root, 'test', 'e2e')) &&
		fs.existsSync(path.join(root, 'scripts', 'install-n8n.js'));
	if (hasE2e && run('node', ['scripts/install-n8n.js']) !== 0) {
		console.error('Installing the n8n runtime for the end-to-end suite failed.');
		stages.push({ status: 1, passed: 0, failed: 1, skipped: 0 });
	} else if (hasE2e) {
		stages.push(jest('e2e', ['e2e'], ['--runInBand']));
	}
}

const total = stages.reduce(
	(sum, stage) => ({
		passed: sum.passed + stage.passed,
		failed: sum.failed + stage.failed,
		skipped: sum.skipped + stage.skipped,
	}),
	{ passed: 0, failed: 0, skipped: 0 },
);
const ok = stages.every((stage) => stage.status === 0) && total.failed === 0;
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(ok ? 0 : 1);
