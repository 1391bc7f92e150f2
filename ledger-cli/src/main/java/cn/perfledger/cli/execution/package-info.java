/** {@code ledger execution}: 预算执行情况 at a basis. */
package cn.perfledger.cli.execution;
