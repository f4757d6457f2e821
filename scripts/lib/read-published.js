'use strict';
/**
 * Prints how many published versions n8n 2 holds for a workflow (0 or 1): a running main fills that table from the
 * queue `publish:workflow` leaves. SQLite under the runtime's Node 24 (node:sqlite), or PostgreSQL with the `pg`
 * client n8n ships when DB_TYPE=postgresdb (and n8n's DB_POSTGRESDB_* settings) is set.
 *   node read-published.js <n8n node_modules> <workflow id> [database.sqlite]
 */
const path = require('node:path');

const [n8nModules, workflowId, databaseFile] = process.argv.slice(2);
const statement = 'SELECT count(*) AS n FROM workflow_published_version WHERE "workflowId" = ';

async function main() {
	if (process.env.DB_TYPE !== 'postgresdb') {
		const { DatabaseSync } = require('node:sqlite');
		const db = new DatabaseSync(databaseFile, { readOnly: true });
		return Number(db.prepare(`${statement}?`).get(workflowId).n);
	}
	const { Client } = require(path.join(n8nModules, 'pg'));
	const client = new Client({
		host: process.env.DB_POSTGRESDB_HOST,
		port: Number(process.env.DB_POSTGRESDB_PORT),
		database: process.env.DB_POSTGRESDB_DATABASE,
		user: process.env.DB_POSTGRESDB_USER,
		password: process.env.DB_POSTGRESDB_PASSWORD,
	});
	await client.connect();
	try {
		const { rows } = await client.query(`${statement}$1`, [workflowId]);
		return Number(rows[0].n);
	} finally {
		await client.end();
	}
}

main().then(
	(count) => process.stdout.write(String(count)),
	(error) => {
		process.stderr.write(String(error && error.message));
		process.exit(1);
	},
);
