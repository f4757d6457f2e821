/**
 * The sync template's recovery pass: the Schedule Trigger that re-books whatever the poll emitted but a crash, a
 * restart or an outage kept from being booked. Which one it is, and how often it runs, read from the template.
 */
import type { WorkflowJson } from '../../../../scripts/lib/workflows';

interface Interval {
	field?: string;
	expression?: string;
	secondsInterval?: number;
	minutesInterval?: number;
	hoursInterval?: number;
	daysInterval?: number;
	weeksInterval?: number;
	monthsInterval?: number;
}

const day = 24 * 60;

/** The longest gap, in minutes, between two runs of a cron field set (5 fields, or 6 with seconds first). */
function cronGapMinutes(expression: string): number {
	const fields = expression.trim().split(/\s+/);
	const [minute, hour, dayOfMonth, , dayOfWeek] = fields.length === 6 ? fields.slice(1) : fields;
	if (dayOfMonth !== '*' || dayOfWeek !== '*') return 7 * day;
	const step = (field: string, whole: number): number | undefined => {
		if (field === '*') return 1;
		const every = /^\*\/(\d+)$/.exec(field);
		if (every) return Number(every[1]);
		const values = field.split(',').map(Number);
		if (values.some((value) => !Number.isInteger(value))) return undefined;
		const sorted = [...values].sort((a, b) => a - b);
		const gaps = sorted.map((value, index) =>
			index === 0 ? whole - sorted[sorted.length - 1] + value : value - sorted[index - 1],
		);
		return Math.max(...gaps);
	};
	const minuteGap = step(minute, 60) ?? 60;
	const hourGap = step(hour, 24) ?? 24;
	if (hour === '*') return minuteGap;
	return hourGap * 60;
}

/** The longest gap between two runs of a Schedule Trigger rule, in minutes. */
export function scheduleGapMinutes(rule: unknown): number {
	const intervals = ((rule as { interval?: Interval[] } | undefined)?.interval ?? []) as Interval[];
	const gaps = intervals.map((interval) => {
		switch (interval.field ?? 'days') {
			case 'seconds':
				return (interval.secondsInterval ?? 30) / 60;
			case 'minutes':
				return interval.minutesInterval ?? 5;
			case 'hours':
				return (interval.hoursInterval ?? 1) * 60;
			case 'days':
				return (interval.daysInterval ?? 1) * day;
			case 'weeks':
				return (interval.weeksInterval ?? 1) * 7 * day;
			case 'months':
				return (interval.monthsInterval ?? 1) * 31 * day;
			case 'cronExpression':
				return cronGapMinutes(interval.expression ?? '');
			default:
				return Infinity;
		}
	});
	return gaps.length ? Math.min(...gaps) : Infinity;
}

/** The template's most frequent Schedule Trigger (the recovery pass) and how many minutes may pass between runs. */
export function recoveryTrigger(workflow: WorkflowJson): { name: string; gapMinutes: number } {
	const schedules = workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-base.scheduleTrigger')
		.map((node) => ({ name: node.name, gapMinutes: scheduleGapMinutes(node.parameters.rule) }))
		.sort((a, b) => a.gapMinutes - b.gapMinutes);
	if (schedules.length === 0) throw new Error(`${workflow.name} has no Schedule Trigger`);
	return schedules[0];
}
