/** Tests of the upcasters: stored old-revision events still load and replay to the same figures. */
package cn.perfledger.app.upcasting;
