/** The ledger server's REST API over java.net.http: credentials, client header, errors, multipart and counted uploads. */
package cn.perfledger.cli.http;
