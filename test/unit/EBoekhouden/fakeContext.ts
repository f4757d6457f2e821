/** The execute context of the unit tests lives in test/support/executeContext.ts; this path stays for old imports. */
export * from '../../support/executeContext';
