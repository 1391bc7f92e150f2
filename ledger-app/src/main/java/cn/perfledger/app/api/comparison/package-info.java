/** REST endpoint of the jurisdiction comparison (管辖区域比较) across departments' years. */
package cn.perfledger.app.api.comparison;
