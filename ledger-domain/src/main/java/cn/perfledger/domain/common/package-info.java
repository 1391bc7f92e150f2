/** Value types shared by every aggregate: exact money, ids, fiscal years and domain errors. */
package cn.perfledger.domain.common;
