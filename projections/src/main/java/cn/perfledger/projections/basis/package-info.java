/** The basis (asOf, knownAt) of every query and the recorded-event envelope that projections fold. */
package cn.perfledger.projections.basis;
