/** Test support: a stub ledger server on a local port and an in-process runner of the CLI with captured output. */
package cn.perfledger.cli.testing;
