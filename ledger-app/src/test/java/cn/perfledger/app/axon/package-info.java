/** Tests of the Axon wiring: what a snapshot of each snapshotted aggregate holds, per revision. */
package cn.perfledger.app.axon;
