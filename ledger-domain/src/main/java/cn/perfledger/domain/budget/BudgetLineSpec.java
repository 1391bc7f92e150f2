package cn.perfledger.domain.budget;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.common.UnitCode;

/**
 * What a budget line is: unit × funding source × 基本(人员/公用)/项目 (with project code and name) ×
 * 功能分类 × 经济分类. Two lines of a year never share the same spec.
 */
public record BudgetLineSpec(
        UnitCode unit,
        FundingSource fundingSource,
        ExpenditureKind kind,
        String projectCode,
        String projectName,
        FunctionalCode functionalCode,
        EconomicCode economicCode) {

    public BudgetLineSpec {
        if (unit == null) {
            throw new DomainException("unit", "单位不能为空");
        }
        if (fundingSource == null) {
            throw new DomainException("fundingSource", "资金来源不能为空，可选: GENERAL_PUBLIC_BUDGET, GOVERNMENT_FUND, STATE_CAPITAL, FISCAL_SPECIAL_ACCOUNT, OTHER");
        }
        if (kind == null) {
            throw new DomainException("kind", "支出类型不能为空，可选: BASIC_PERSONNEL, BASIC_OPERATING, PROJECT");
        }
        if (functionalCode == null) {
            throw new DomainException("functionalCode", "功能分类科目不能为空");
        }
        if (economicCode == null) {
            throw new DomainException("economicCode", "经济分类科目不能为空");
        }
        if (kind == ExpenditureKind.PROJECT) {
            projectCode = Ids.requireText("projectCode", projectCode, 64);
            projectName = Ids.requireText("projectName", projectName, 200);
        } else {
            if (projectCode != null || projectName != null) {
                throw new DomainException("projectCode", "基本支出预算行不能填写项目编码或项目名称");
            }
            if (kind == ExpenditureKind.BASIC_PERSONNEL && !economicCode.isPersonnel()) {
                throw new DomainException("economicCode", "人员经费的经济分类必须是 301 工资福利支出或 303 对个人和家庭的补助: " + economicCode);
            }
            if (kind == ExpenditureKind.BASIC_OPERATING && economicCode.isPersonnel()) {
                throw new DomainException("economicCode", "公用经费的经济分类不能是 301/303 人员类科目: " + economicCode);
            }
        }
    }
}
