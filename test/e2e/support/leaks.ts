/** Looks for secrets in what n8n kept (./records) and says exactly where each one is: record, field or line. */
import type { KeptText } from './records';

export interface Secret {
	name: string;
	value: string;
}

export interface Leak {
	secret: string;
	where: string;
	/** The text around the secret, with the secrets replaced by their names. */
	excerpt: string;
}

const excerptChars = 80;

export function findLeaks(kept: KeptText[], secrets: Secret[]): Leak[] {
	return kept.flatMap((record) =>
		secrets
			.filter((secret) => record.text.includes(secret.value))
			.flatMap((secret) => locate(record, secret, secrets)),
	);
}

function locate(record: KeptText, secret: Secret, secrets: Secret[]): Leak[] {
	const fields = fieldsHolding(record, secret.value);
	if (fields.length > 0) {
		return fields.map(({ field, text }) => ({
			secret: secret.name,
			where: `${record.where} at ${field}`,
			excerpt: excerpt(text, secret, secrets),
		}));
	}
	return record.text
		.split('\n')
		.map((line, index) => ({ line, number: index + 1 }))
		.filter(({ line }) => line.includes(secret.value))
		.map(({ line, number }) => ({
			secret: secret.name,
			where: `${record.where} line ${number}`,
			excerpt: excerpt(line, secret, secrets),
		}));
}

/** The JSON paths of every key or string that holds `needle`, when the record's text parses. */
function fieldsHolding(record: KeptText, needle: string): Array<{ field: string; text: string }> {
	let value: unknown;
	try {
		value = record.value?.();
	} catch {
		return [];
	}
	const found: Array<{ field: string; text: string }> = [];
	const seen = new Set<unknown>();
	const walk = (node: unknown, field: string): void => {
		if (typeof node === 'string') {
			if (node.includes(needle)) found.push({ field: field || '(the value)', text: node });
			return;
		}
		if (node === null || typeof node !== 'object' || seen.has(node)) return;
		seen.add(node);
		for (const [key, child] of Object.entries(node)) {
			if (key.includes(needle)) found.push({ field: `${field}[key]`, text: key });
			walk(child, Array.isArray(node) ? `${field}[${key}]` : `${field}.${key}`);
		}
	};
	walk(value, '');
	return found;
}

/** The text around the first `secret`, with every secret in it replaced by its name (test output stays clean). */
function excerpt(text: string, secret: Secret, secrets: Secret[]): string {
	const at = text.indexOf(secret.value);
	const from = Math.max(0, at - excerptChars);
	const to = Math.min(text.length, at + secret.value.length + excerptChars);
	return secrets.reduce(
		(masked, { name, value }) => masked.split(value).join(`<${name}>`),
		text.slice(from, to),
	);
}
