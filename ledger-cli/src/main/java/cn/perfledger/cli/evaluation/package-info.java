/** {@code ledger evaluation}: the scored 自评表 at a basis, total and grade. */
package cn.perfledger.cli.evaluation;
