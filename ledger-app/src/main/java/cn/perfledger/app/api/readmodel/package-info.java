/** REST access to persisted read models: the stored year figures and the administrative rebuild. */
package cn.perfledger.app.api.readmodel;
