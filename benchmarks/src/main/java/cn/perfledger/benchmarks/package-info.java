/** JMH benchmarks of the as-of replay paths over generated 100,000-event department-years. */
package cn.perfledger.benchmarks;
