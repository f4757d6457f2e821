#!/usr/bin/env node
/**
 * `npm test`: every test there is. Builds the package (the end-to-end suites install what `npm pack` makes), runs
 * the unit and integration suites, installs the pinned n8n runtimes if they are not cached yet (n8n 2.x on Node 24,
 * n8n 1.x on Node 20), runs the end-to-end suites against real n8n (one process on SQLite; queue mode with a main,
 * two workers, PostgreSQL and Redis; the 1.x smoke test), and ends with one plain summary line
 * ("N passed, N failed, N skipped").
 *
 *   npm test                  everything
 *   npm test -- --no-e2e      build, unit and integration only (what CI's fresh-clone check runs)
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureDependencies } = require('./lib/ensureDependencies');

const root = path.resolve(__dirname, '..');
const resultsDir = path.join(root, '.build');
fs.mkdirSync(resultsDir, { recursive: true });
const withE2e = !process.argv.includes('--no-e2e');

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

const failedStage = { status: 1, passed: 0, failed: 1, skipped: 0 };
const timings = [];

/** Runs one stage, noting how long it took. */
function timed(name, stage) {
	const started = Date.now();
	const result = stage();
	timings.push(`${name} ${Math.round((Date.now() - started) / 1000)} s`);
	return result;
}

ensureDependencies();
const stages = [];
if (timed('build', () => run('npm', ['run', '-s', 'build'])) !== 0) {
	console.error('Build failed.');
	stages.push(failedStage);
} else {
	stages.push(
		timed('unit+integration', () => jest('fast', ['unit', 'integration'], ['--maxWorkers=2'])),
	);
	const hasE2e =
		withE2e &&
		fs.existsSync(path.join(root, 'test', 'e2e')) &&
		fs.existsSync(path.join(root, 'scripts', 'install-n8n.js'));
	const runtimes = [[], ['--runtime=1x']];
	const installed =
		hasE2e &&
		timed('n8n runtimes', () =>
			runtimes.every((args) => run('node', ['scripts/install-n8n.js', ...args]) === 0),
		);
	if (hasE2e && !installed) {
		console.error('Installing the n8n runtimes for the end-to-end suites failed.');
		stages.push(failedStage);
	} else if (hasE2e) {
		stages.push(timed('e2e', () => jest('e2e', ['e2e'], ['--runInBand'])));
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
console.log(`\nTook: ${timings.join(', ')}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(ok ? 0 : 1);
