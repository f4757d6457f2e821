#!/usr/bin/env node
'use strict';
/**
 * Screenshots for the README, taken from a running `npm start`: the "Sync paid orders" workflow on the canvas
 * (docs/template.png) and, opened in the editor, the panel of each node a new user sets up first: the trigger
 * (docs/panel-trigger.png), Order to Invoice (docs/panel-order-to-invoice.png) and e-Boekhouden's Create Invoice
 * (docs/panel-create-invoice.png). Headless Debian Chromium (`apt-get install -y chromium`), driven over the
 * DevTools protocol with the WebSocket built into Node 24 (the cached n8n runtime's Node), so no
 * browser-automation package is needed.
 *
 *   npm start                      # in one terminal
 *   node scripts/screenshot.js [--url http://127.0.0.1:5678] [--only template,trigger,orderToInvoice,createInvoice]
 *                              [--out docs/template.png] [--dir docs] [--width 1600 --height 900 --panel-height 1000]
 *
 * A panel is found by its node's type (and resource/operation), not its name, so renaming a node in the template
 * does not break it.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const repoRoot = path.resolve(__dirname, '..');

// Node 20 has no WebSocket client; rerun under the runtime's Node 24, which has one.
if (typeof WebSocket === 'undefined') {
	const runtime = require('./lib/runtime');
	if (!runtime.isInstalled()) {
		process.stderr.write(
			'The n8n runtime is not installed yet: run `npm start` (or node scripts/install-n8n.js) first.\n',
		);
		process.exit(1);
	}
	const rerun = spawnSync(runtime.paths().nodeBin, process.argv.slice(1), { stdio: 'inherit' });
	process.exit(rerun.status ?? 1);
}

const { parseArgs } = require('./lib/prepare');

const args = parseArgs(process.argv.slice(2), []);
const baseUrl = (args.url ?? 'http://127.0.0.1:5678').replace(/\/$/, '');
const dir = path.resolve(repoRoot, args.dir ?? 'docs');
const width = Number(args.width ?? 1600);
const height = Number(args.height ?? 900);
// A panel shows its parameters in a column that scrolls: the window grows (up to MAX_HEIGHT) until all show.
const panelHeight = Number(args['panel-height'] ?? 1000);
const MAX_HEIGHT = 2400;
const email = args.email ?? 'demo@example.com';
const password = args.password ?? 'Sandbox-demo-1';
const workflowId = args.workflow ?? 'mwwSyncPaidOrder';

const PACKAGE_TYPE = 'n8n-nodes-mijnwebwinkel-eboekhouden.';

/** Every picture: the canvas, then one node panel each, found by the node's type and parameters. */
const SHOTS = {
	template: { file: args.out ? path.resolve(repoRoot, args.out) : path.join(dir, 'template.png') },
	trigger: {
		file: path.join(dir, 'panel-trigger.png'),
		node: (node) => node.type === `${PACKAGE_TYPE}mijnwebwinkelTrigger`,
	},
	orderToInvoice: {
		file: path.join(dir, 'panel-order-to-invoice.png'),
		node: (node) => node.type === `${PACKAGE_TYPE}orderToInvoice`,
	},
	createInvoice: {
		file: path.join(dir, 'panel-create-invoice.png'),
		node: (node) =>
			node.type === `${PACKAGE_TYPE}eBoekhouden` &&
			node.parameters?.resource === 'invoice' &&
			node.parameters?.operation === 'create',
	},
};
const wanted = (args.only ?? Object.keys(SHOTS).join(','))
	.split(',')
	.map((name) => name.trim())
	.filter(Boolean);
const unknown = wanted.filter((name) => !SHOTS[name]);
if (unknown.length) {
	process.stderr.write(
		`unknown --only ${unknown.join(', ')}: choose from ${Object.keys(SHOTS).join(', ')}\n`,
	);
	process.exit(1);
}

const chromiumFlags = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--hide-scrollbars',
	'--remote-debugging-port=0',
];

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check, what, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await delay(250);
	}
}

function findChromium() {
	for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
		const found = spawnSync('which', [name], { encoding: 'utf8' });
		if (found.status === 0) return found.stdout.trim();
	}
	throw new Error('Chromium not found: apt-get install -y chromium');
}

/** A minimal DevTools-protocol client: send(method, params) → result. */
function connect(webSocketUrl) {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(webSocketUrl);
		const pending = new Map();
		let nextId = 1;
		socket.onerror = () => reject(new Error(`cannot connect to ${webSocketUrl}`));
		socket.onmessage = (event) => {
			const message = JSON.parse(event.data);
			const waiter = pending.get(message.id);
			if (!waiter) return;
			pending.delete(message.id);
			if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
			else waiter.resolve(message.result);
		};
		socket.onopen = () =>
			resolve({
				send(method, params = {}) {
					const id = nextId++;
					socket.send(JSON.stringify({ id, method, params }));
					return new Promise((resolveCall, rejectCall) =>
						pending.set(id, { resolve: resolveCall, reject: rejectCall, method }),
					);
				},
				close: () => socket.close(),
			});
	});
}

async function evaluate(page, expression) {
	const { result } = await page.send('Runtime.evaluate', {
		expression,
		awaitPromise: true,
		returnByValue: true,
	});
	return result.value;
}

async function typeInto(page, selector, text) {
	await evaluate(page, `document.querySelector(${JSON.stringify(selector)}).focus()`);
	await page.send('Input.insertText', { text });
}

async function signIn(page) {
	await page.send('Page.navigate', { url: `${baseUrl}/signin` });
	await waitFor(
		() => evaluate(page, `!!document.querySelector('input[type=email]')`),
		'the sign-in form',
	);
	await typeInto(page, 'input[type=email]', email);
	await typeInto(page, 'input[type=password]', password);
	await evaluate(
		page,
		`document.querySelector('[data-test-id=form-submit-button], button[type=submit]').click()`,
	);
	await waitFor(() => evaluate(page, `!location.pathname.startsWith('/signin')`), 'signing in');
}

/** The workflow as n8n stores it, read through the editor's own REST call (session cookie and browser id). */
async function workflowNodes(page) {
	const nodes = await evaluate(
		page,
		`fetch('/rest/workflows/${workflowId}', {
			headers: { 'browser-id': localStorage.getItem('n8n-browserId') ?? '' },
		}).then((response) => (response.ok ? response.json() : undefined))
			.then((body) => body?.data?.nodes)`,
	);
	if (!Array.isArray(nodes)) throw new Error(`cannot read workflow ${workflowId} from n8n`);
	return nodes;
}

async function openCanvas(page) {
	await page.send('Page.navigate', { url: `${baseUrl}/workflow/${workflowId}` });
	await waitFor(
		() => evaluate(page, `document.querySelectorAll('[data-test-id=canvas-node]').length >= 6`),
		'the workflow on the canvas',
	);
	await delay(2_000); // let the canvas finish its zoom-to-fit animation
}

/** Opens a node's panel the way a user does: a double click on the node on the canvas. */
async function openPanel(page, node) {
	await openCanvas(page);
	const box = await evaluate(
		page,
		`(() => {
			const element = [...document.querySelectorAll('[data-test-id=canvas-node]')].find(
				(candidate) => candidate.getAttribute('data-node-name') === ${JSON.stringify(node.name)},
			);
			if (!element) return undefined;
			const { x, y, width, height } = element.getBoundingClientRect();
			return { x: x + width / 2, y: y + height / 2 };
		})()`,
	);
	if (!box) throw new Error(`node "${node.name}" is not on the canvas`);
	for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
		await page.send('Input.dispatchMouseEvent', {
			type,
			x: box.x,
			y: box.y,
			button: 'left',
			clickCount: 2,
		});
	}
	await waitFor(
		() =>
			evaluate(
				page,
				`!!document.querySelector('[data-test-id=ndv] [data-test-id=node-parameters]')`,
			),
		`the panel of "${node.name}"`,
	);
	// Move the pointer off the panel, or the field under it shows its Fixed/Expression switch.
	await page.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: 0, y: 0 });
	// Pickers fill in from the sandbox (list searches, load options): wait until nothing is loading any more.
	await waitFor(
		() =>
			evaluate(
				page,
				`!document.querySelector('[data-test-id=ndv] .is-loading, [data-test-id=ndv] .el-loading-mask')`,
			),
		`the pickers of "${node.name}"`,
	);
	await delay(1_500);
}

/** How much taller the window must be to show the whole parameter column of the open panel without scrolling. */
function hiddenParameterHeight(page) {
	return evaluate(
		page,
		`(() => {
			let element = document.querySelector('[data-test-id=ndv] [data-test-id=node-parameters]');
			for (; element; element = element.parentElement) {
				const { overflowY } = getComputedStyle(element);
				if (/auto|scroll/.test(overflowY) && element.scrollHeight > element.clientHeight)
					return element.scrollHeight - element.clientHeight;
			}
			return 0;
		})()`,
	);
}

function setWindow(page, windowHeight) {
	return page.send('Emulation.setDeviceMetricsOverride', {
		width,
		height: windowHeight,
		deviceScaleFactor: 1,
		mobile: false,
	});
}

async function capture(page, file, windowHeight) {
	const { data } = await page.send('Page.captureScreenshot', { format: 'png' });
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, Buffer.from(data, 'base64'));
	process.stdout.write(`saved ${path.relative(repoRoot, file)} (${width}×${windowHeight})\n`);
}

async function main() {
	const health = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
	if (!health?.ok) throw new Error(`no n8n at ${baseUrl}: start it with npm start`);

	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-screenshot-'));
	const browser = spawn(
		findChromium(),
		[...chromiumFlags, `--user-data-dir=${profile}`, 'about:blank'],
		{
			stdio: 'ignore',
		},
	);
	try {
		const portFile = path.join(profile, 'DevToolsActivePort');
		const port = await waitFor(
			() => fs.existsSync(portFile) && fs.readFileSync(portFile, 'utf8').split('\n')[0],
			'Chromium to start',
		);
		const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
		const page = await connect(
			targets.find((target) => target.type === 'page').webSocketDebuggerUrl,
		);
		await page.send('Page.enable');
		await page.send('Runtime.enable');

		await setWindow(page, height);
		await signIn(page);
		const nodes = await workflowNodes(page);
		for (const name of wanted) {
			const shot = SHOTS[name];
			let windowHeight = shot.node ? panelHeight : height;
			await setWindow(page, windowHeight);
			if (!shot.node) {
				await openCanvas(page);
			} else {
				const node = nodes.find(shot.node);
				if (!node) throw new Error(`workflow ${workflowId} has no node for "${name}"`);
				await openPanel(page, node);
				const hidden = await hiddenParameterHeight(page);
				if (hidden > 0) {
					windowHeight = Math.min(windowHeight + hidden + 16, MAX_HEIGHT);
					await setWindow(page, windowHeight);
					await delay(1_000);
				}
			}
			await capture(page, shot.file, windowHeight);
		}
		page.close();
	} finally {
		browser.kill('SIGTERM');
		fs.rmSync(profile, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`screenshot failed: ${error.message}\n`);
	process.exit(1);
});
