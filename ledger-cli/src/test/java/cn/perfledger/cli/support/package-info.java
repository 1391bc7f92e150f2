/** Tests of the shared pieces: basis converters and picocli messages in Chinese. */
package cn.perfledger.cli.support;
