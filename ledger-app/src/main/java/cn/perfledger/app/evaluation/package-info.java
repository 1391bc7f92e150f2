/** How a scored 自评表's entries become evaluation commands; shared by the demo loader and the 自评表 import. */
package cn.perfledger.app.evaluation;
