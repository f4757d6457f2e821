import { toShopLocal } from '../../test/sandbox/shop/time';

/**
 * Today as the shop dates its orders (Europe/Amsterdam). A UTC date is a day behind between midnight in Amsterdam
 * and midnight UTC, and a history period ending on it would leave out the orders placed in that hour.
 */
export function shopToday(): string {
	return toShopLocal(new Date()).date;
}
