/** The auditors' CLI (ledger-cli) run in-process against this server over real HTTP. */
package cn.perfledger.app.cli;
