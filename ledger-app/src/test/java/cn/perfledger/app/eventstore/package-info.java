/** Tests of the event store itself: persistence across restarts, snapshots and load times of large years. */
package cn.perfledger.app.eventstore;
