import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRuntime } from './repo';
import type { RuntimeName } from './runtime';
import { delay, tail } from './shell';

/** The owner n8n creates from the environment on every start (no setup screen, no UI needed). */
export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export interface N8nOptions {
	/** n8n appends `.n8n` itself: database, config and `nodes/node_modules` live in `<userFolder>/.n8n`. */
	userFolder: string;
	port: number;
	brokerPort: number;
	encryptionKey: string;
	owner: Owner;
	/** Extra environment, e.g. a log level. */
	env?: Record<string, string>;
	/**
	 * What `start()` runs: `['start']` (the default, a main) or e.g. `['worker', '--concurrency=5']` (a queue-mode
	 * worker; give it `QUEUE_HEALTH_CHECK_ACTIVE=true` and `QUEUE_HEALTH_CHECK_PORT` = `port` in `env`, since
	 * `start()` waits for `/healthz/readiness` on `port`).
	 */
	command?: string[];
	/** Which pinned runtime (scripts/lib/runtime.js): the default n8n 2.x, or `1x`. */
	runtime?: RuntimeName;
}

export interface CliResult {
	status: number;
	stdout: string;
	stderr: string;
}

const stopGraceMs = 20_000;
/** A CLI call that hangs (e.g. a workflow waiting forever) must not hang the caller. */
const cliTimeoutMs = 5 * 60_000;

/** A real n8n (the cached runtime, Node 24) bound to 127.0.0.1 with its own ports, user folder and owner. */
export class N8nProcess {
	readonly baseUrl: string;
	readonly logFile: string;
	private child: ChildProcess | undefined;
	private exited: Promise<number | null> = Promise.resolve(null);
	private readonly runtime: ReturnType<ReturnType<typeof loadRuntime>['paths']>;

	constructor(readonly options: N8nOptions) {
		this.runtime = loadRuntime()
			.named(options.runtime ?? 'default')
			.paths();
		this.baseUrl = `http://127.0.0.1:${options.port}`;
		this.logFile = path.join(options.userFolder, 'n8n.log');
		fs.mkdirSync(options.userFolder, { recursive: true });
	}

	get nodeBin(): string {
		return this.runtime.nodeBin;
	}

	get n8nModules(): string {
		return this.runtime.modules;
	}

	get databaseFile(): string {
		return path.join(this.options.userFolder, '.n8n', 'database.sqlite');
	}

	get running(): boolean {
		return this.child !== undefined;
	}

	/** The running n8n's process id (its task runner is a child in the same process group). */
	get pid(): number | undefined {
		return this.child?.pid;
	}

	env(brokerPort = this.options.brokerPort): NodeJS.ProcessEnv {
		const { options } = this;
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(
				([key]) => !/^(NODE_ENV|NODE_OPTIONS|JEST_|npm_)/.test(key),
			),
		);
		return {
			...inherited,
			PATH: `${path.dirname(this.runtime.nodeBin)}:${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: options.userFolder,
			N8N_PORT: String(options.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_ENCRYPTION_KEY: options.encryptionKey,
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			// A Dutch shop's zone: the sandbox and the nodes read Mijnwebwinkel's zone-less times in it too.
			GENERIC_TIMEZONE: 'Europe/Amsterdam',
			// No calls to n8n's own services (docs/api-notes.md, n8n End to end §4); the last four only matter in the editor.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			// n8n 1.x has no mcp-registry module (and refuses to start when asked to disable one it does not know).
			N8N_DISABLED_MODULES: options.runtime === '1x' ? '' : 'mcp-registry',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: options.owner.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: options.owner.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: options.owner.lastName,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: this.passwordHash(),
			...options.env,
		};
	}

	/** One CLI call (`import:workflow`, `publish:workflow`, `execute`, ...). Each boots n8n: about 3 s. */
	cli(args: string[], brokerPort?: number): Promise<CliResult> {
		return new Promise((resolve, reject) => {
			const child = spawn(this.runtime.nodeBin, [this.runtime.n8nMain, ...args], {
				env: this.env(brokerPort),
				stdio: ['ignore', 'pipe', 'pipe'],
				timeout: cliTimeoutMs,
				killSignal: 'SIGKILL',
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			child.on('error', reject);
			child.on('close', (status) => resolve({ status: status ?? 1, stdout, stderr }));
		});
	}

	async cliOrThrow(args: string[]): Promise<CliResult> {
		const result = await this.cli(args);
		if (result.status !== 0) {
			throw new Error(
				`n8n ${args[0]} failed (exit ${result.status}):\n${tail(result.stdout + result.stderr)}`,
			);
		}
		return result;
	}

	/**
	 * `n8n start` (or the `command` option, e.g. a worker) in its own process group (so stop() ends its task runner
	 * too), logging to n8n.log.
	 */
	async start(): Promise<void> {
		if (this.child) throw new Error('n8n is already running');
		const log = fs.openSync(this.logFile, 'a');
		const command = this.options.command ?? ['start'];
		const child = spawn(this.runtime.nodeBin, [this.runtime.n8nMain, ...command], {
			env: this.env(),
			stdio: ['ignore', log, log],
			detached: true,
		});
		fs.closeSync(log);
		this.child = child;
		this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
		void this.exited.then(() => {
			if (this.child === child) this.child = undefined;
		});
		await this.waitForHealth();
	}

	async stop(): Promise<void> {
		const child = this.child;
		if (!child?.pid) return;
		signalGroup(child.pid, 'SIGTERM');
		let timer: NodeJS.Timeout | undefined;
		const stopped = await Promise.race([
			this.exited.then(() => true),
			new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), stopGraceMs))),
		]);
		clearTimeout(timer);
		if (!stopped) {
			signalGroup(child.pid, 'SIGKILL');
			await this.exited;
		}
		this.child = undefined;
	}

	/** `kill -9` of the whole process group (n8n and its task runner), as a crash or the OOM killer would. */
	async kill(): Promise<void> {
		const child = this.child;
		if (!child?.pid) return;
		signalGroup(child.pid, 'SIGKILL');
		await this.exited;
		this.child = undefined;
	}

	/** The end of n8n's log, for error messages. */
	logTail(lines = 40): string {
		return fs.existsSync(this.logFile) ? tail(fs.readFileSync(this.logFile, 'utf8'), lines) : '';
	}

	private async waitForHealth(timeoutMs = 90_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (!this.child) throw new Error(`n8n exited during start-up:\n${this.logTail()}`);
			try {
				const response = await fetch(`${this.baseUrl}/healthz/readiness`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await delay(250);
		}
		throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s:\n${this.logTail()}`);
	}

	private passwordHashCache: string | undefined;

	private passwordHash(): string {
		if (!this.passwordHashCache) {
			// n8n's own bcryptjs, so the hash is one n8n accepts.
			const bcrypt = require(path.join(this.runtime.modules, 'bcryptjs')) as {
				hashSync(text: string, rounds: number): string;
			};
			this.passwordHashCache = bcrypt.hashSync(this.options.owner.password, 10);
		}
		return this.passwordHashCache;
	}
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}
