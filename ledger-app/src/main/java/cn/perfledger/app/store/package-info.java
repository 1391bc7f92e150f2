/** The embedded H2 file store made durable at commit: every committed write is on disk before it is answered. */
package cn.perfledger.app.store;
