/** Axon's event and snapshot tables read and written with plain JDBC: the one home of their SQL ({@code EventTable}). */
package cn.perfledger.app.eventstore;
