/** {@code ledger events}: a department-year's event log, filtered and paged. */
package cn.perfledger.cli.events;
