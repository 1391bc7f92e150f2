/** What every command shares: global, basis and output options, exit codes, Problem Details in Chinese. */
package cn.perfledger.cli.support;
