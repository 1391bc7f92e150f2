/** The rubric engine and the scored self-evaluation table (自评表): rubric rule × inputs, at any basis. */
package cn.perfledger.projections.scoring;
