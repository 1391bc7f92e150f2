/** Tests of the HTTP client against a stub server: headers, credentials, encoding, redirects, downloads, multipart. */
package cn.perfledger.cli.http;
