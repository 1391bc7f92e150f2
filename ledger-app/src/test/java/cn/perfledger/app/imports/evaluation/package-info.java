/** Tests of the 自评表 import: seed 002's own table as text and as a workbook, refusals, repetitions. */
package cn.perfledger.app.imports.evaluation;
