/** The HTTP benchmark harness of issue 14: generated years loaded and measured through the product's public API. */
package cn.perfledger.benchmarks.http;
