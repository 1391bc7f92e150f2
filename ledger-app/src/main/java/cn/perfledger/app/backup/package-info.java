/** Backup and restore: the event store exported as a JSON-lines file with its digest, and re-appended from one. */
package cn.perfledger.app.backup;
