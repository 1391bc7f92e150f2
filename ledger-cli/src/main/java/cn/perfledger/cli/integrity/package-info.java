/** {@code ledger verify}: the hash chains of a department-year or of the whole store. */
package cn.perfledger.cli.integrity;
