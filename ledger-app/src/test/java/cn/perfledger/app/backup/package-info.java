/** Tests of backup (JSON-lines export) and restore (import into a fresh store). */
package cn.perfledger.app.backup;
