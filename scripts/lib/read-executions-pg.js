'use strict';
/**
 * The PostgreSQL twin of read-executions.js (n8n in queue mode keeps its executions there): prints n8n's executions
 * as JSON, with the `pg` client n8n itself ships.
 *   DB_POSTGRESDB_HOST=… DB_POSTGRESDB_PORT=… DB_POSTGRESDB_DATABASE=… DB_POSTGRESDB_USER=… DB_POSTGRESDB_PASSWORD=…
 *   node read-executions-pg.js <n8n node_modules> [withData]
 * With `withData`, each execution also gets `nodes`: { <node name>: [items of output 0, output 1, ...] } from its
 * last run, and `error`: the execution's error message, if any. Run data is stored in "flatted" JSON.
 */
const path = require('node:path');

const [n8nModules, withData] = process.argv.slice(2);
const { Client } = require(path.join(n8nModules, 'pg'));
const flatted = require(path.join(n8nModules, 'flatted'));

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

async function main() {
	const env = process.env;
	const client = new Client({
		host: env.DB_POSTGRESDB_HOST,
		port: Number(env.DB_POSTGRESDB_PORT),
		database: env.DB_POSTGRESDB_DATABASE,
		user: env.DB_POSTGRESDB_USER,
		password: env.DB_POSTGRESDB_PASSWORD,
	});
	await client.connect();
	try {
		const exists = await client.query("SELECT to_regclass('public.execution_entity') AS t");
		if (!exists.rows[0].t) return [];
		const { rows } = await client.query(
			`SELECT id, "workflowId", mode, status, finished, "startedAt", "stoppedAt"
			 FROM execution_entity ORDER BY id`,
		);
		const executions = rows.map((row) => ({
			...row,
			id: Number(row.id),
			startedAt: row.startedAt ? new Date(row.startedAt).toISOString() : null,
			stoppedAt: row.stoppedAt ? new Date(row.stoppedAt).toISOString() : null,
		}));
		if (withData) {
			const data = await client.query('SELECT "executionId", data FROM execution_data');
			const byId = new Map(data.rows.map((row) => [Number(row.executionId), row.data]));
			for (const execution of executions) {
				const raw = byId.get(execution.id);
				Object.assign(execution, raw ? summarise(raw) : { nodes: {} });
			}
		}
		return executions;
	} finally {
		await client.end();
	}
}

main().then(
	(executions) => process.stdout.write(JSON.stringify(executions)),
	(error) => {
		process.stderr.write(`${error.stack || error.message}\n`);
		process.exitCode = 1;
	},
);
