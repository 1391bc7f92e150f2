/** Sends commands to the aggregates with the sender's metadata and turns Axon's failures into the domain's. */
package cn.perfledger.app.command;
