import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Mijnwebwinkel dates orders and reads `status_changed_*` filters in shop-local time, Europe/Amsterdam
 * (docs/api-notes.md, Mijnwebwinkel §4). n8n evaluates `$today` and `$now` and fires schedules in the workflow's
 * time zone, which falls back to the instance's (America/New_York unless GENERIC_TIMEZONE is set). Each shipped
 * template therefore sets its own, so "today" ends the history period on the shop's today and the nightly catch-up
 * runs at night in the Netherlands.
 */
const workflows = path.join(__dirname, '..', '..', '..', 'workflows');

describe('shipped templates keep the shop’s time zone', () => {
	const templates = fs.readdirSync(workflows).filter((file) => file.endsWith('.json'));

	it('finds the templates', () => {
		expect(templates.length).toBeGreaterThanOrEqual(3);
	});

	it.each(templates)('%s runs in Europe/Amsterdam', (file) => {
		const workflow = JSON.parse(fs.readFileSync(path.join(workflows, file), 'utf8')) as {
			settings?: { timezone?: string };
		};
		expect(workflow.settings?.timezone).toBe('Europe/Amsterdam');
	});
});
