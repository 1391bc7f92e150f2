/** Display of server answers: aligned CJK-aware text tables, RFC 4180 CSV, exact JSON, money and the progress bar. */
package cn.perfledger.cli.output;
