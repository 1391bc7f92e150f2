/** The budget ledger of one department-year: budget lines, adjustments, spending, procurement and close. */
package cn.perfledger.domain.budget;
