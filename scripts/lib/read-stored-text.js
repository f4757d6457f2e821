'use strict';
/**
 * Runs under the runtime's Node 24 (for the built-in node:sqlite): prints every text value n8n stored in its
 * database as JSON [{ table, column, key, text }], `key` being the row's first column (an id).
 *   node read-stored-text.js <database.sqlite>
 * The credentials table is skipped: n8n stores it encrypted, and the tests must not read it.
 */
const { DatabaseSync } = require('node:sqlite');

const [databaseFile] = process.argv.slice(2);
const skipped = new Set(['credentials_entity']);
const db = new DatabaseSync(databaseFile, { readOnly: true });
const quote = (name) => `"${name.replace(/"/g, '""')}"`;

const tables = db
	.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
	.all()
	.map((row) => row.name)
	.filter((name) => !skipped.has(name));

const cells = [];
for (const table of tables) {
	const columns = db
		.prepare(`PRAGMA table_info(${quote(table)})`)
		.all()
		.map((column) => column.name);
	for (const row of db.prepare(`SELECT * FROM ${quote(table)}`).all()) {
		for (const column of columns) {
			const value = row[column];
			if (typeof value === 'string' && value !== '') {
				cells.push({ table, column, key: String(row[columns[0]]), text: value });
			}
		}
	}
}
process.stdout.write(JSON.stringify(cells));
