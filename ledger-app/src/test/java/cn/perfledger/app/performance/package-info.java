/** Performance measurements of the as-of query path against the real event store (tagged {@code performance}). */
package cn.perfledger.app.performance;
