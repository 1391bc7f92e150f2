package cn.perfledger.projections.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese name of every event type, in the department's own words (the ledger template's 支出凭证, the
 * 自评表's 年度指标值 and 实际完成值, DOMAIN.md's 年初结转和结余 and 指标收回/注销): the one table the pages, the API's
 * audit answers, the why-list and the lineage all name events by. An unknown type keeps its English name.
 */
public final class EventTypeLabels {

    /** In the order a year usually records them; the pages' type filter lists them in this order. */
    public static final Map<String, String> LABELS = labels();

    /** The events of the department register and of rubric versions: named, but not in a year's type filter. */
    private static final Map<String, String> OTHER_STREAMS = Map.of("DepartmentRegistered", "部门登记",
            "UnitAdded", "单位增设", "RubricPublished", "评价体系发布", "RubricRetired", "评价体系停用");

    private EventTypeLabels() {
    }

    public static String label(String type) {
        return type == null ? "—" : LABELS.getOrDefault(type, OTHER_STREAMS.getOrDefault(type, type));
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("FiscalYearOpened", "年度开立");
        m.put("BudgetLineOpened", "预算行设立");
        m.put("InitialBudgetApproved", "年初预算批复");
        m.put("BudgetIncreased", "预算追加");
        m.put("BudgetDecreased", "预算调减");
        m.put("BudgetTransferred", "预算调剂");
        m.put("CarryInRecorded", "年初结转和结余");
        m.put("AppropriationWithdrawn", "指标收回/注销");
        m.put("ExpenditureRecorded", "支出凭证");
        m.put("ExpenditureReversed", "冲销凭证");
        m.put("ProcurementPlanned", "政府采购预算");
        m.put("ProcurementContractSigned", "采购合同签订");
        m.put("ProcurementContractFiled", "采购合同备案");
        m.put("ProcurementExecuted", "政府采购执行");
        m.put("ExecutionNoticeRecorded", "财政局执行进度通报");
        m.put("FixedAssetsRecorded", "固定资产登记");
        m.put("StaffingRecorded", "财政供养人员登记");
        m.put("RubricOfOtherPlaceOrYearNoted", "评价体系地区或年度不符的提示");
        m.put("OtherFundsReceived", "其他资金收入");
        m.put("LedgerFileImported", "账务文件导入");
        m.put("FiscalYearClosed", "年度结账");
        m.put("EvaluationStarted", "自评开始");
        m.put("EvaluationTableImported", "自评表导入");
        m.put("IndicatorDefined", "绩效指标设定");
        m.put("IndicatorTargetRevised", "年度指标值调整");
        m.put("IndicatorActualRecorded", "实际完成值登记");
        m.put("JudgementScoreEntered", "评分录入");
        m.put("JudgementScoreWithdrawn", "评分撤回");
        m.put("ItemExplanationRecorded", "评分依据与偏差说明登记");
        m.put("BonusPenaltyRecorded", "加减分登记");
        m.put("DeclaredFigureRecorded", "申报数登记");
        m.put("SelfEvaluationSubmitted", "自评提交");
        m.put("RubricPublished", "评价体系发布");
        m.put("RubricRetired", "评价体系停用");
        return Collections.unmodifiableMap(m);
    }
}
