'use strict';
/**
 * Runs under the runtime's Node 24 (for the built-in node:sqlite): prints n8n's executions as JSON.
 *   node read-executions.js <database.sqlite> <n8n node_modules> [withData]
 * With `withData`, each execution also gets `nodes`: { <node name>: [items of output 0, output 1, ...] } from its
 * last run, and `error`: the execution's error message, if any. Run data is stored in "flatted" JSON.
 */
const path = require('node:path');
const { DatabaseSync } = require('node:sqlite');

const [databaseFile, n8nModules, withData] = process.argv.slice(2);
const flatted = require(path.join(n8nModules, 'flatted'));
const db = new DatabaseSync(databaseFile, { readOnly: true });

const rows = db
	.prepare(
		'SELECT id, workflowId, mode, status, finished, startedAt, stoppedAt FROM execution_entity ORDER BY id',
	)
	.all();

function summarise(raw) {
	// An execution whose process was killed may have stored no run data yet.
	const data = flatted.parse(raw) || {};
	const result = data.resultData || {};
	const nodes = {};
	for (const [name, runs] of Object.entries(result.runData || {})) {
		nodes[name] = runs.map((run) =>
			((run.data && run.data.main) || []).map((items) => (items || []).map((item) => item.json)),
		);
	}
	return { nodes, error: result.error ? result.error.message : undefined };
}

if (withData) {
	const dataOf = db.prepare('SELECT data FROM execution_data WHERE executionId = ?');
	for (const row of rows) {
		const found = dataOf.get(row.id);
		Object.assign(row, found ? summarise(found.data) : { nodes: {} });
	}
}
process.stdout.write(JSON.stringify(rows));
