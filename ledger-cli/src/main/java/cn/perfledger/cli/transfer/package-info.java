/** {@code ledger import} and {@code ledger export}: workbooks, 自评表 and backups to and from the server. */
package cn.perfledger.cli.transfer;
