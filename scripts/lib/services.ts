/**
 * The two servers n8n's queue mode needs, started for one test run: PostgreSQL (the database every main and worker
 * share) and Redis (the job queue), each on 127.0.0.1 on its own free port, with its data in a folder of its own
 * under the system temp folder (never inside the clone). The Debian packages are installed with apt-get when
 * missing (CI runs as root on a clean Debian machine). Every server is stopped by its process id.
 * docs/api-notes.md, n8n Queue mode §1 is where the commands come from.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { delay, tail } from './shell';

export interface Postgres {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	version: string;
	/** The postmaster's process id. */
	pid: number;
	/** The settings an n8n process needs to use this database. */
	n8nEnv(): Record<string, string>;
	/** Runs SQL as the superuser (psql), returning its output. */
	sql(statement: string): string;
	stop(): Promise<void>;
}

export interface Redis {
	host: string;
	port: number;
	pid: number;
	/** The settings an n8n process needs to use this Redis for its queue. */
	n8nEnv(): Record<string, string>;
	stop(): Promise<void>;
}

/**
 * A fresh folder for the servers' data under the system temp folder, readable by others so PostgreSQL's own user
 * reaches its part. The caller removes it (removeServiceRoot) when the servers have stopped.
 */
export function serviceRoot(prefix: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
	fs.chmodSync(dir, 0o755);
	return dir;
}

export function removeServiceRoot(dir: string): void {
	fs.rmSync(dir, { recursive: true, force: true });
}

function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

function run(command: string, args: string[], options: { input?: string } = {}): string {
	const result = spawnSync(command, args, { encoding: 'utf8', input: options.input });
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${tail(
				`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
			)}`,
		);
	}
	return result.stdout;
}

function onPath(binary: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(':')) {
		const candidate = path.join(dir, binary);
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** PostgreSQL's server binaries (Debian keeps them out of PATH): the newest /usr/lib/postgresql/<major>/bin. */
function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((name) => fs.existsSync(path.join(root, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length > 0 ? path.join(root, majors[0], 'bin') : undefined;
}

let aptUpdated = false;

/**
 * Installs the Debian packages whose programs are missing (`apt-get update` first, once per process). Needs root:
 * elsewhere it says what to install instead.
 */
export function ensureDebianPackages(
	wanted: Array<{ package: string; present: () => boolean }>,
): void {
	const missing = wanted.filter((entry) => !entry.present()).map((entry) => entry.package);
	if (missing.length === 0) return;
	if (!isRoot() || !onPath('apt-get')) {
		throw new Error(
			`the queue-mode tests need ${missing.join(' and ')}: install ${missing.length > 1 ? 'them' : 'it'} ` +
				`(on Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')})`,
		);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	// Another apt-get (unattended upgrades, a colleague's install) may hold dpkg's lock: wait for it.
	const apt = (args: string[]) => {
		const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
			encoding: 'utf8',
			env,
		});
		if (result.status !== 0)
			throw new Error(`apt-get ${args.join(' ')} failed:\n${tail(result.stdout + result.stderr)}`);
	};
	if (!aptUpdated) {
		apt(['update', '-q']);
		aptUpdated = true;
	}
	apt(['install', '-y', '-q', '--no-install-recommends', ...missing]);
}

/** PostgreSQL and Redis for the queue-mode tests, installed if missing. */
export function ensureQueueServices(): void {
	ensureDebianPackages([
		{ package: 'postgresql', present: () => postgresBin() !== undefined },
		{ package: 'redis-server', present: () => onPath('redis-server') !== undefined },
	]);
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (isAlive(pid)) {
		if (Date.now() > deadline) return false;
		await delay(100);
	}
	return true;
}

/** Signals a server, then SIGKILL if it has not gone in time. */
async function stopPid(pid: number, signal: NodeJS.Signals, timeoutMs = 15_000): Promise<void> {
	try {
		process.kill(pid, signal);
	} catch {
		return;
	}
	if (!(await waitForExit(pid, timeoutMs))) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// gone meanwhile
		}
		await waitForExit(pid, 5_000);
	}
}

/**
 * A fresh PostgreSQL cluster in `dir` (created, owned by the `postgres` user when running as root: the server
 * refuses to run as root), listening on 127.0.0.1 only, with one database and user for n8n. fsync off: it is thrown
 * away after the run.
 */
export async function startPostgres(dir: string): Promise<Postgres> {
	const bin = postgresBin();
	if (!bin) throw new Error('PostgreSQL is not installed (ensureQueueServices installs it)');
	const asServerUser = (command: string, args: string[]) =>
		isRoot()
			? run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args])
			: run(path.join(bin, command), args);
	fs.mkdirSync(dir, { recursive: true });
	const dataDir = path.join(dir, 'data');
	const socketDir = path.join(dir, 'socket');
	const logFile = path.join(dir, 'postgres.log');
	fs.mkdirSync(socketDir, { recursive: true });
	fs.writeFileSync(logFile, '');
	// As root, the folder goes to the server user (its parents must be open to others: see serviceRoot()).
	if (isRoot()) run('chown', ['-R', 'postgres', dir]);
	asServerUser('initdb', [
		'-D',
		dataDir,
		'-U',
		'postgres',
		'--auth=trust',
		'-E',
		'UTF8',
		'--locale=C.UTF-8',
	]);
	const port = await freePort();
	const options = [
		`-p ${port}`,
		'-h 127.0.0.1',
		`-k ${socketDir}`,
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=200',
	].join(' ');
	asServerUser('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
	const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
	const psql = path.join(bin, 'psql');
	const sql = (statement: string) =>
		run(psql, [
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-U',
			'postgres',
			'-d',
			'postgres',
			'-v',
			'ON_ERROR_STOP=1',
			'-qAt',
			'-c',
			statement,
		]);
	const database = 'n8n';
	const user = 'n8n';
	const password = 'n8n-queue-test';
	try {
		sql(`CREATE ROLE ${user} LOGIN PASSWORD '${password}'`);
		sql(`CREATE DATABASE ${database} OWNER ${user}`);
	} catch (error) {
		await stopPid(pid, 'SIGINT');
		throw error;
	}
	const version = sql('SHOW server_version').trim();
	return {
		host: '127.0.0.1',
		port,
		database,
		user,
		password,
		version,
		pid,
		n8nEnv: () => ({
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: user,
			DB_POSTGRESDB_PASSWORD: password,
		}),
		sql,
		// SIGINT = PostgreSQL's fast shutdown: open sessions are ended, nothing is kept anyway.
		stop: () => stopPid(pid, 'SIGINT'),
	};
}

function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let answer = '';
		socket.setTimeout(1_000);
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) {
				socket.destroy();
				resolve(answer.startsWith('+PONG'));
			}
		});
		socket.on('timeout', () => {
			socket.destroy();
			resolve(false);
		});
		socket.on('error', () => resolve(false));
	});
}

/** A Redis in `dir` on 127.0.0.1, keeping nothing on disk, in its own process group. */
export async function startRedis(dir: string): Promise<Redis> {
	const server = onPath('redis-server');
	if (!server) throw new Error('redis-server is not installed (ensureQueueServices installs it)');
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const logFile = path.join(dir, 'redis.log');
	const log = fs.openSync(logFile, 'a');
	const child = spawn(
		server,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
		],
		{ stdio: ['ignore', log, log], detached: true },
	);
	fs.closeSync(log);
	const pid = child.pid;
	if (pid === undefined) throw new Error('redis-server did not start');
	child.unref();
	const deadline = Date.now() + 20_000;
	while (!(await redisPing(port))) {
		if (!isAlive(pid) || Date.now() > deadline) {
			await stopPid(pid, 'SIGKILL');
			throw new Error(
				`redis-server did not answer on port ${port}:\n${tail(fs.readFileSync(logFile, 'utf8'))}`,
			);
		}
		await delay(100);
	}
	return {
		host: '127.0.0.1',
		port,
		pid,
		n8nEnv: () => ({ QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) }),
		stop: () => stopPid(pid, 'SIGTERM'),
	};
}
