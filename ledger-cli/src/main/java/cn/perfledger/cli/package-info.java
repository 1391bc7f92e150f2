/** The auditors' command line {@code ledger}: the root command, its wiring of error handling and exit codes. */
package cn.perfledger.cli;
