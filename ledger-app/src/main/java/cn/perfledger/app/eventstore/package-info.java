/**
 * Axon's event and snapshot tables read and written with plain JDBC: the one home of their SQL ({@code EventTable}),
 * and the stored form of chunked snapshots ({@code SnapshotChunks}: full chunks once in {@code snapshot_chunk}).
 */
package cn.perfledger.app.eventstore;
