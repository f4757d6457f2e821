import {
	paymentsAhead,
	readPaymentsAhead,
} from '../../../../nodes/Mijnwebwinkel/api/paymentsReader';
import { paid, slowPayments } from '../helpers/slowPayments';

/** A shop whose payment reads answer only when the test says so. */
const slowShop = slowPayments;
const numbers = Array.from({ length: 10 }, (_, index) => String(1000 + index));

describe('Reading payments several orders at a time', () => {
	it('never has more than the chosen number of reads at the shop, and starts them in order', async () => {
		const shop = slowShop(paid);
		const done = readPaymentsAhead(shop.reader, numbers, 3);
		await shop.answerAll();
		await done;
		expect(shop.peak()).toBe(3);
		expect(shop.started).toEqual(numbers);
	});

	it('answers each order with its own payments, without asking the shop again', async () => {
		const shop = slowShop(paid);
		const done = readPaymentsAhead(shop.reader, [...numbers, '1003'], 4);
		await shop.answerAll();
		const reader = await done;
		expect(await reader.read('1007')).toEqual(paid('1007'));
		expect(await reader.read('1000')).toEqual(paid('1000'));
		expect(shop.started).toHaveLength(10);
	});

	it('keeps a lasting problem for its order only', async () => {
		const shop = slowShop((n) =>
			n === '1004' ? { problem: 'unreadable answer', temporary: false } : paid(n),
		);
		const done = readPaymentsAhead(shop.reader, numbers, 4);
		await shop.answerAll();
		const reader = await done;
		expect(await reader.read('1004')).toEqual({ problem: 'unreadable answer', temporary: false });
		expect(await reader.read('1009')).toEqual(paid('1009'));
		expect(shop.started).toHaveLength(10);
	});

	it('starts no new reads once the shop is busy', async () => {
		const shop = slowShop((n) =>
			n === '1002' ? { problem: 'too many requests', temporary: true } : paid(n),
		);
		const done = readPaymentsAhead(shop.reader, numbers, 2);
		await shop.answerAll();
		const reader = await done;
		expect(await reader.read('1002')).toEqual({ problem: 'too many requests', temporary: true });
		// 1002 and 1003 were on their way together; nothing after them was asked for.
		expect(shop.started).toEqual(['1000', '1001', '1002', '1003']);
	});

	it('reads what is added later, after what was added before, still never more than the width at once', async () => {
		const shop = slowShop(paid);
		const ahead = paymentsAhead(shop.reader, 3);
		ahead.add(numbers.slice(0, 2));
		expect(shop.started).toEqual(['1000', '1001']);
		ahead.add([...numbers.slice(1, 6)]);
		expect(shop.started).toEqual(['1000', '1001', '1002']);
		await shop.answerAll();
		await ahead.settled();
		expect(shop.started).toEqual(numbers.slice(0, 6));
		expect(shop.peak()).toBe(3);
		expect(await ahead.read('1005')).toEqual(paid('1005'));
		expect(shop.started).toHaveLength(6);
	});

	it('answers an order left unread after the shop was busy with that problem, without asking the shop', async () => {
		const shop = slowShop((n) =>
			n === '1000' ? { problem: 'too many requests', temporary: true } : paid(n),
		);
		const ahead = paymentsAhead(shop.reader, 1);
		ahead.add(numbers.slice(0, 3));
		await shop.answerAll();
		await ahead.settled();
		ahead.add(['1009']);
		expect(await ahead.read('1002')).toEqual({ problem: 'too many requests', temporary: true });
		expect(await ahead.read('1009')).toEqual({ problem: 'too many requests', temporary: true });
		expect(await ahead.read('1008')).toEqual({ problem: 'too many requests', temporary: true });
		expect(shop.started).toEqual(['1000']);
	});

	it('on stop starts no new reads and waits for those on their way', async () => {
		const shop = slowShop(paid);
		const ahead = paymentsAhead(shop.reader, 2);
		ahead.add(numbers);
		let stopped = false;
		const stopping = ahead.stop().then(() => {
			stopped = true;
		});
		await new Promise((resolve) => setImmediate(resolve));
		expect(stopped).toBe(false);
		await shop.answerAll();
		await stopping;
		expect(shop.started).toEqual(['1000', '1001']);
	});
});
