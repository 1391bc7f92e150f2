/** {@code ledger why}: why a score changed between two bases, down to the events. */
package cn.perfledger.cli.audit;
