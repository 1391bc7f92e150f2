/** REST endpoints of the department register (部门及所属单位) and the department/year directory. */
package cn.perfledger.app.api.department;
