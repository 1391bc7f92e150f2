/** Tests of the hash chain: its byte layout, the storage-engine decorator, verification and digests. */
package cn.perfledger.app.integrity;
