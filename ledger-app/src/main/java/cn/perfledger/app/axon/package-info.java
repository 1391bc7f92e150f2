/** Axon wiring without Axon Server: JDBC event store, aggregates, snapshots, aggregate cache, correlation metadata. */
package cn.perfledger.app.axon;
