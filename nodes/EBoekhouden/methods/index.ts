import {
	searchCostCenters,
	searchDebtorLedgers,
	searchInvoicesList,
	searchInvoiceTemplates,
	searchLedgers,
	searchPaymentLedgers,
	searchRelationsList,
} from './listSearch';

export * as loadOptions from './loadOptions';

/** Method names as the resource locators reference them (`searchListMethod`). */
export const listSearch = {
	searchRelations: searchRelationsList,
	searchInvoices: searchInvoicesList,
	searchLedgers,
	searchDebtorLedgers,
	searchPaymentLedgers,
	searchInvoiceTemplates,
	searchCostCenters,
};
