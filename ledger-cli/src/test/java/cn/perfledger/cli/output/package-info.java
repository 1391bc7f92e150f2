/** Tests of the display forms: widths of Chinese text, aligned tables, CSV quoting and injection, numbers, progress. */
package cn.perfledger.cli.output;
