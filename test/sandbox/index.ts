/**
 * Both sandbox servers at once: the Mijnwebwinkel shop and the e-Boekhouden administration, on 127.0.0.1.
 *
 *   const sb = await startSandbox({ shop: { seed: { count: 200, seed: 42 } } });
 *   sb.shopUrl, sb.booksUrl   → the base URLs for the two credentials
 *   sb.shop, sb.books         → control objects (orders, statuses, payments / relations, invoices; counts; faults)
 *   await sb.close();
 */
import { startBooks, type BooksOptions, type BooksSandbox } from './books';
import { startShop, type ShopOptions, type ShopSandbox } from './shop';

export interface SandboxOptions {
	shop?: ShopOptions;
	books?: BooksOptions;
}

export interface Sandbox {
	shop: ShopSandbox;
	books: BooksSandbox;
	shopUrl: string;
	booksUrl: string;
	close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const shop = await startShop(options.shop);
	let books: BooksSandbox;
	try {
		books = await startBooks(options.books);
	} catch (error) {
		await shop.close();
		throw error;
	}
	return {
		shop,
		books,
		shopUrl: shop.url,
		booksUrl: books.url,
		close: async () => {
			await Promise.all([shop.close(), books.close()]);
		},
	};
}

export { startShop, type ShopOptions, type ShopSandbox } from './shop';
export { startBooks, type BooksOptions, type BooksSandbox } from './books';
export { SANDBOX_PARTNER_TOKEN, SANDBOX_STORE_TOKEN } from './shop';
