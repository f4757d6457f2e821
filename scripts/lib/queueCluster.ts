/**
 * n8n as users scale it out: queue mode with one main (`n8n start`: the editor, the polls and schedules, the queue)
 * and workers (`n8n worker`: they run the executions), sharing PostgreSQL and Redis on 127.0.0.1. The packed package
 * is installed into every process's own user folder, as it must be (docs/api-notes.md, n8n Queue mode §3): a worker
 * without it reports ready and then fails every job.
 *
 *   const cluster = await QueueCluster.create({ runDir, sandbox, tarball, owner, workflows });
 *   await cluster.start();             // main + workers, ready
 *   cluster.workerOf(executionId)      // which worker ran it (from the workers' logs)
 *   await cluster.workers[0].kill();   // kill -9
 *   await cluster.close();             // every n8n, Redis and PostgreSQL stopped by pid, their data removed
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { N8nProcess, type Owner } from './n8nProcess';
import { installIntoN8n } from './packageInstall';
import {
	ensureQueueServices,
	freePort,
	removeServiceRoot,
	serviceRoot,
	startPostgres,
	startRedis,
	type Postgres,
	type Redis,
} from './services';
import { setUpN8n, type SandboxLike } from './stack';
import type { WorkflowJson } from './workflows';

export interface QueueClusterSetup {
	/** n8n's user folders and logs: `<runDir>/main`, `<runDir>/worker-1`, ... (PostgreSQL and Redis keep theirs in a temp folder). */
	runDir: string;
	sandbox: SandboxLike;
	tarball: string;
	owner: Owner;
	workflows: Array<{ workflow: WorkflowJson; publish: boolean }>;
	workers?: number;
	/** Executions each worker runs at once (n8n warns below 5). */
	concurrency?: number;
	/** Extra environment for every process (main, workers and CLI calls). */
	env?: Record<string, string>;
}

/**
 * n8n's lock on a running job (ms): the worker renews it every 2.5 s, and the others check for expired ones every
 * 5 s, so a dead worker's execution is failed about 15 s after it died instead of about 75 s (docs/api-notes.md, n8n Queue mode §5).
 */
export const shortQueueLocks = {
	QUEUE_WORKER_LOCK_DURATION: '10000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '2500',
	QUEUE_WORKER_STALLED_INTERVAL: '5000',
};

const encryptionKey = 'sandbox-only-queue-encryption-key-01';

/** Every pid this process started and has not stopped yet: killed when the test process exits, whatever happened. */
const leftovers = new Set<() => void>();
process.once('exit', () => {
	for (const kill of leftovers) kill();
});

function signalNow(pid: number | undefined, signal: NodeJS.Signals): void {
	if (pid === undefined) return;
	try {
		process.kill(pid, signal);
	} catch {
		// already gone
	}
}

/** An n8n and its task runner: the process group n8nProcess starts it in. */
function killGroupNow(pid: number | undefined): void {
	if (pid !== undefined) signalNow(-pid, 'SIGKILL');
}

export class QueueCluster {
	private readonly guards = new Map<N8nProcess, () => void>();

	private constructor(
		readonly main: N8nProcess,
		readonly workers: N8nProcess[],
		readonly postgres: Postgres,
		readonly redis: Redis,
		private readonly servicesDir: string,
		private readonly runDir: string,
		private readonly serviceGuard: () => void,
	) {}

	/**
	 * PostgreSQL and Redis (installed with apt-get when missing), the package in a user folder per process, both
	 * credentials and the workflows imported and published through the main. n8n itself stays stopped.
	 */
	static async create(setup: QueueClusterSetup): Promise<QueueCluster> {
		ensureQueueServices();
		fs.rmSync(setup.runDir, { recursive: true, force: true });
		fs.mkdirSync(setup.runDir, { recursive: true });
		const servicesDir = serviceRoot('mww-n8n-queue');
		let postgres: Postgres | undefined;
		let redis: Redis | undefined;
		const serviceGuard = () => {
			// Fast shutdown for PostgreSQL (it ends its own backends), SIGKILL for Redis (it keeps nothing).
			if (postgres) signalNow(postgres.pid, 'SIGINT');
			if (redis) signalNow(redis.pid, 'SIGKILL');
		};
		leftovers.add(serviceGuard);
		try {
			[postgres, redis] = await Promise.all([
				startPostgres(path.join(servicesDir, 'postgres')),
				startRedis(path.join(servicesDir, 'redis')),
			]);
			const env: Record<string, string> = {
				EXECUTIONS_MODE: 'queue',
				...postgres.n8nEnv(),
				...redis.n8nEnv(),
				...shortQueueLocks,
				...setup.env,
			};
			const main = await setUpN8n({
				runDir: path.join(setup.runDir, 'main'),
				sandbox: setup.sandbox,
				tarball: setup.tarball,
				owner: setup.owner,
				workflows: setup.workflows,
				encryptionKey,
				env,
			});
			const workers: N8nProcess[] = [];
			for (let index = 1; index <= (setup.workers ?? 2); index++) {
				const healthPort = await freePort();
				const worker = new N8nProcess({
					userFolder: path.join(setup.runDir, `worker-${index}`, 'n8n'),
					port: healthPort,
					brokerPort: await freePort(),
					encryptionKey,
					owner: setup.owner,
					command: ['worker', `--concurrency=${setup.concurrency ?? 5}`],
					env: {
						...env,
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					},
				});
				installIntoN8n(worker.options.userFolder, setup.tarball);
				workers.push(worker);
			}
			return new QueueCluster(
				main,
				workers,
				postgres,
				redis,
				servicesDir,
				setup.runDir,
				serviceGuard,
			);
		} catch (error) {
			await Promise.all([postgres?.stop(), redis?.stop()]);
			leftovers.delete(serviceGuard);
			removeServiceRoot(servicesDir);
			throw error;
		}
	}

	get processes(): N8nProcess[] {
		return [this.main, ...this.workers];
	}

	/** Starts one process (worker or main) and waits until it is ready. */
	async startProcess(n8n: N8nProcess): Promise<void> {
		const guard = () => killGroupNow(n8n.pid);
		this.guards.set(n8n, guard);
		leftovers.add(guard);
		await n8n.start();
	}

	/** All at once, as a host (re)boot does; the main's first jobs wait in Redis until a worker is ready. */
	async start(): Promise<void> {
		await Promise.all(this.processes.map((n8n) => this.startProcess(n8n)));
	}

	/** SIGTERM (a worker finishes what it runs, up to N8N_GRACEFUL_SHUTDOWN_TIMEOUT), then SIGKILL if it hangs. */
	async stopProcess(n8n: N8nProcess): Promise<void> {
		await n8n.stop();
		this.release(n8n);
	}

	/** `kill -9`: no chance to finish or hand anything back. */
	async killProcess(n8n: N8nProcess): Promise<void> {
		await n8n.kill();
		this.release(n8n);
	}

	/** Every n8n process stopped at once, as a host reboot or a redeploy does. */
	async stopAll(): Promise<void> {
		await Promise.all(this.processes.map((n8n) => this.stopProcess(n8n)));
	}

	/** Which worker (index into `workers`) logged that it started this execution, if any did. */
	workerOf(executionId: number): number | undefined {
		const started = new RegExp(`Worker started execution ${executionId} \\(`);
		const index = this.workers.findIndex((worker) => started.test(this.logOf(worker)));
		return index >= 0 ? index : undefined;
	}

	/** Execution ids each worker started, by worker index. */
	executionsByWorker(): number[][] {
		return this.workers.map((worker) =>
			[...this.logOf(worker).matchAll(/Worker started execution (\d+) \(/g)].map((match) =>
				Number(match[1]),
			),
		);
	}

	logOf(n8n: N8nProcess): string {
		return fs.existsSync(n8n.logFile) ? fs.readFileSync(n8n.logFile, 'utf8') : '';
	}

	/** The end of every process's log, for a failing test's message. */
	logTails(lines = 15): string {
		return this.processes
			.map(
				(n8n) => `--- ${path.relative(this.runDir, n8n.options.userFolder)}\n${n8n.logTail(lines)}`,
			)
			.join('\n');
	}

	/** Stops every n8n, then Redis and PostgreSQL; keeps their logs beside n8n's and removes their data. */
	async close(): Promise<void> {
		await Promise.allSettled(this.processes.map((n8n) => this.stopProcess(n8n)));
		await Promise.allSettled([this.redis.stop(), this.postgres.stop()]);
		leftovers.delete(this.serviceGuard);
		for (const [from, to] of [
			['postgres/postgres.log', 'postgres.log'],
			['redis/redis.log', 'redis.log'],
		]) {
			const source = path.join(this.servicesDir, from);
			if (fs.existsSync(source)) fs.copyFileSync(source, path.join(this.runDir, to));
		}
		removeServiceRoot(this.servicesDir);
	}

	private release(n8n: N8nProcess): void {
		const guard = this.guards.get(n8n);
		if (guard) leftovers.delete(guard);
		this.guards.delete(n8n);
	}
}
