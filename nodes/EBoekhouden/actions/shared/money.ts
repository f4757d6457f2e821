/**
 * Reconcile's old names for the one money module (nodes/shared/money.ts), until it imports that module itself.
 * `toCents` is the strict `eurosToCents`: an amount that is not whole cents is refused, not rounded.
 */
export { eurosToCents as toCents, centsToEuros as toEuros } from '../../../shared/money';
