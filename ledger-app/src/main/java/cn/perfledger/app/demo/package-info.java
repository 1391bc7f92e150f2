/** Demo data: the four seed documents transcribed as {@link cn.perfledger.app.demo.DemoScenario} files to replay as commands. */
package cn.perfledger.app.demo;
