/** The register of a department (部门) and its units (单位). */
package cn.perfledger.domain.department;
