/** MockMvc tests of the zh-CN web pages on the shared H2 file context with the demo data. */
package cn.perfledger.app.ui;
