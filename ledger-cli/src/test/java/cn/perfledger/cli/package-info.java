/** Tests of the commands end to end against a stub server: requests sent, output printed, exit codes. */
package cn.perfledger.cli;
