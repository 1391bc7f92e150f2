/** Durability of the embedded H2 store at commit, checked at the file-system calls H2 makes. */
package cn.perfledger.app.store;
