/** The one JSON convention of the ledger (events, snapshots, REST): the ObjectMapper and the value-type module. */
package cn.perfledger.app.json;
