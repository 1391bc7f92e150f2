/** The Spring Boot application of the performance ledger: entry point; each concern lives in a sub-package. */
package cn.perfledger.app;
