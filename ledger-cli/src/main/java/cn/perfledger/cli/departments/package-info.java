/** {@code ledger departments}: the department register with its years. */
package cn.perfledger.cli.departments;
