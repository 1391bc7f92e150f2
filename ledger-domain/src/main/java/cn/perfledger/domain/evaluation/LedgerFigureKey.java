package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.budget.EconomicCode.ThreePublicCategory;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.budget.ProcurementCategory;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.rubric.LedgerMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names a ledger-derived value a published document states: {@code SCOPE[param]&SCOPE….MEASURE}. The catalog:
 *
 * <ul>
 * <li><b>Budget lines</b> — scopes (AND-combined with {@code &}): {@code TOTAL} 合计, {@code FISCAL} 财政拨款,
 * {@code BASIC} 基本支出, {@code PROJECT} 项目支出, {@code PERSONNEL} 人员经费, {@code OPERATING} 公用经费,
 * {@code SOURCE[GENERAL_PUBLIC_BUDGET|GOVERNMENT_FUND|…]} 资金来源, {@code THREE_PUBLIC} 三公 (optionally
 * {@code [OVERSEAS_TRAVEL|VEHICLE|VEHICLE_PURCHASE|VEHICLE_OPERATION|RECEPTION]}), {@code FUNCTIONAL[code prefix]}
 * 功能分类 类/款/项, {@code ECONOMIC[code prefix]} 经济分类, {@code UNIT[code]} 单位 (机关运行经费 =
 * {@code OPERATING&UNIT[BJ]}), {@code PROJECT_CODE[code or prefix*]} 项目. Measures: {@code INITIAL} 年初预算,
 * {@code ADJUSTMENTS} 调整数, {@code FULL_YEAR} 全年预算, {@code CARRY_IN} 年初结转结余, {@code CARRY_OUT} 年末结转结余,
 * {@code WITHDRAWN} 指标收回, {@code EXECUTED} 执行数/决算数, {@code EXECUTION_RATE} 执行率 (执行 ÷ 全年; 公用经费控制率),
 * {@code INITIAL_EXECUTION_RATE} 执行 ÷ 年初 (三公经费控制率, 机关运行经费 vs 年初预算). {@code FISCAL} alone also has
 * {@code REVENUE} 财政拨款收入决算数, {@code VARIANCE_RATE} 预决算差异率, {@code CARRY_OVER_RATE_53} 结转结余率（53号）,
 * {@code CARRY_OVER_RATE_YOY} 结转结余率（年末 ÷ 年初）.</li>
 * <li>{@code PROCUREMENT} (optionally {@code [GOODS|WORKS|SERVICES]}): {@code PLANNED}, {@code EXECUTED},
 * {@code EXECUTION_RATE}, {@code SME_RESERVED}, {@code SME_AWARDED}.</li>
 * <li>{@code FIXED_ASSETS}: {@code ORIGINAL} 原值, {@code IN_USE} 在用原值, {@code UTILISATION_RATE} 利用率.</li>
 * <li>{@code NOTICES}: {@code COUNT} 通报次数, {@code RATE_SUM} 累计进度, {@code AVERAGE_RATE} 年度平均执行率.</li>
 * <li>{@code INDICATORS}: {@code DEFINED}, {@code MET}, {@code COMPLETION_RATE} 绩效目标完成率;
 * {@code INDICATORS[指标编号].ACTUAL} 一个绩效指标登记的实际完成值 (a report's “全年服务群众已达 100 万人次”).</li>
 * <li>{@code SCORE}: {@code TOTAL} 自评总分; {@code SCORE[item code].ITEM} 一个评分项的得分.</li>
 * </ul>
 *
 * Money values are yuan, rates fractions (0.9989), scores points, counts integers. The rates that are metrics of the
 * rubric catalog ({@link LedgerMetric}) take their name from it. The grammar and its one validation live here, with
 * the evaluation that records declared figures; the projections compute a key's value at a basis.
 */
public record LedgerFigureKey(String code, List<Scope> scopes, Measure measure) {

    private static final Pattern SCOPE = Pattern.compile("([A-Z][A-Z0-9_]*)(?:\\[([A-Za-z0-9_.*-]{1,64})])?");

    /** What kind of number a key names, hence which printed units it compares with. */
    public enum ValueKind {
        MONEY, RATE, SCORE, COUNT
    }

    public enum Family {
        LINES, PROCUREMENT, FIXED_ASSETS, NOTICES, INDICATORS, SCORE
    }

    enum Param {
        NONE, OPTIONAL, REQUIRED
    }

    public enum ScopeName {
        TOTAL("合计", Family.LINES, Param.NONE),
        FISCAL("财政拨款", Family.LINES, Param.NONE),
        BASIC("基本支出", Family.LINES, Param.NONE),
        PROJECT("项目支出", Family.LINES, Param.NONE),
        PERSONNEL("人员经费", Family.LINES, Param.NONE),
        OPERATING("公用经费", Family.LINES, Param.NONE),
        SOURCE("资金来源", Family.LINES, Param.REQUIRED),
        THREE_PUBLIC("“三公”经费", Family.LINES, Param.OPTIONAL),
        FUNCTIONAL("功能分类", Family.LINES, Param.REQUIRED),
        ECONOMIC("经济分类", Family.LINES, Param.REQUIRED),
        UNIT("单位", Family.LINES, Param.REQUIRED),
        PROJECT_CODE("项目", Family.LINES, Param.REQUIRED),
        PROCUREMENT("政府采购", Family.PROCUREMENT, Param.OPTIONAL),
        FIXED_ASSETS("固定资产", Family.FIXED_ASSETS, Param.NONE),
        NOTICES("财政通报", Family.NOTICES, Param.NONE),
        INDICATORS("绩效指标", Family.INDICATORS, Param.OPTIONAL),
        SCORE("自评得分", Family.SCORE, Param.OPTIONAL);

        private final String chineseName;
        private final Family family;
        private final Param param;

        ScopeName(String chineseName, Family family, Param param) {
            this.chineseName = chineseName;
            this.family = family;
            this.param = param;
        }

        public String chineseName() {
            return chineseName;
        }

        public Family family() {
            return family;
        }
    }

    public enum Measure {
        INITIAL("年初预算", Family.LINES, ValueKind.MONEY),
        ADJUSTMENTS("调整数", Family.LINES, ValueKind.MONEY),
        FULL_YEAR("全年预算数", Family.LINES, ValueKind.MONEY),
        CARRY_IN("年初结转和结余", Family.LINES, ValueKind.MONEY),
        CARRY_OUT("年末结转和结余", Family.LINES, ValueKind.MONEY),
        WITHDRAWN("指标收回", Family.LINES, ValueKind.MONEY),
        EXECUTED("执行数", Family.LINES, ValueKind.MONEY),
        EXECUTION_RATE("执行率（执行数 ÷ 全年预算）", Family.LINES, ValueKind.RATE),
        INITIAL_EXECUTION_RATE("执行数 ÷ 年初预算", Family.LINES, ValueKind.RATE),
        REVENUE("财政拨款收入决算数", Family.LINES, ValueKind.MONEY),
        VARIANCE_RATE(LedgerMetric.APPROPRIATION_REVENUE_VARIANCE_RATE, Family.LINES),
        CARRY_OVER_RATE_53(LedgerMetric.CARRYOVER_RATE_53, Family.LINES),
        CARRY_OVER_RATE_YOY(LedgerMetric.CARRYOVER_RATE_YEAR_OVER_YEAR, Family.LINES),
        PLANNED("采购预算", Family.PROCUREMENT, ValueKind.MONEY),
        SME_RESERVED("预留中小企业份额", Family.PROCUREMENT, ValueKind.MONEY),
        SME_AWARDED("授予中小企业金额", Family.PROCUREMENT, ValueKind.MONEY),
        ORIGINAL("固定资产原值", Family.FIXED_ASSETS, ValueKind.MONEY),
        IN_USE("在用固定资产原值", Family.FIXED_ASSETS, ValueKind.MONEY),
        UTILISATION_RATE(LedgerMetric.FIXED_ASSET_UTILISATION_RATE, Family.FIXED_ASSETS),
        COUNT("通报次数", Family.NOTICES, ValueKind.COUNT),
        RATE_SUM("累计执行进度之和", Family.NOTICES, ValueKind.RATE),
        AVERAGE_RATE(LedgerMetric.ANNUAL_AVERAGE_EXECUTION_RATE, Family.NOTICES),
        DEFINED("指标个数", Family.INDICATORS, ValueKind.COUNT),
        MET("完成指标个数", Family.INDICATORS, ValueKind.COUNT),
        COMPLETION_RATE(LedgerMetric.INDICATOR_COMPLETION_SHARE, Family.INDICATORS),
        /** One indicator's recorded 实际完成值 (its number, in the indicator's own unit): {@code INDICATORS[id].ACTUAL}. */
        ACTUAL("实际完成值", Family.INDICATORS, ValueKind.COUNT),
        TOTAL("自评总分", Family.SCORE, ValueKind.SCORE),
        ITEM("评分项得分", Family.SCORE, ValueKind.SCORE);

        private final String chineseName;
        private final Family family;
        private final ValueKind kind;
        private final LedgerMetric metric;

        Measure(String chineseName, Family family, ValueKind kind) {
            this.chineseName = chineseName;
            this.family = family;
            this.kind = kind;
            this.metric = null;
        }

        /** A measure that is a rate of the rubrics' metric catalog: named and defined there, once. */
        Measure(LedgerMetric metric, Family family) {
            this.chineseName = metric.label();
            this.family = family;
            this.kind = ValueKind.RATE;
            this.metric = metric;
        }

        public String chineseName() {
            return chineseName;
        }

        public ValueKind kind() {
            return kind;
        }

        public Family family() {
            return family;
        }

        /** The rubric metric this measure is, or null (a money figure, a count, a rate of any line scope). */
        public LedgerMetric metric() {
            return metric;
        }

        /** PROCUREMENT also has EXECUTED and EXECUTION_RATE, which are listed under LINES. */
        boolean appliesTo(Family family) {
            if (family == Family.PROCUREMENT && (this == EXECUTED || this == EXECUTION_RATE)) {
                return true;
            }
            return this.family == family;
        }

        boolean fiscalOnly() {
            return this == REVENUE || this == VARIANCE_RATE || this == CARRY_OVER_RATE_53 || this == CARRY_OVER_RATE_YOY;
        }
    }

    public record Scope(ScopeName name, String parameter) {

        public String code() {
            return parameter == null ? name.name() : name.name() + "[" + parameter + "]";
        }

        public String label() {
            if (parameter == null) {
                return name.chineseName();
            }
            return switch (name) {
                case SOURCE -> FundingSource.valueOf(parameter).chineseName();
                case THREE_PUBLIC -> "“三公”经费·" + (parameter.equals("VEHICLE") ? "公务用车购置及运行维护费"
                        : ThreePublicCategory.valueOf(parameter).chineseName());
                case PROCUREMENT -> "政府采购·" + ProcurementCategory.valueOf(parameter).chineseName();
                default -> name.chineseName() + " " + parameter;
            };
        }
    }

    public LedgerFigureKey {
        scopes = List.copyOf(scopes);
    }

    /**
     * The check every path that records a declared figure meets (API, 自评表 import, demo data: the aggregate runs
     * it): {@code code} must be a key of this catalog, else the command is refused naming {@code field}.
     */
    public static LedgerFigureKey validated(String field, String code) {
        try {
            return parse(code);
        } catch (IllegalArgumentException unknown) {
            throw new DomainException(field, "账本数字编码格式应为 范围[参数]&范围.度量，如 FISCAL.FULL_YEAR（"
                    + unknown.getMessage() + "）。" + catalog());
        }
    }

    /** The valid scopes and measures in words, for a refusal to list. */
    public static String catalog() {
        StringBuilder text = new StringBuilder("可用的范围：");
        for (Family family : Family.values()) {
            List<String> scopes = new ArrayList<>();
            for (ScopeName scope : ScopeName.values()) {
                if (scope.family == family) {
                    scopes.add(scope.name() + (scope.param == Param.REQUIRED ? "[参数]" : scope.param == Param.OPTIONAL
                            ? "[参数可选]" : "") + " " + scope.chineseName);
                }
            }
            List<String> measures = new ArrayList<>();
            for (Measure measure : Measure.values()) {
                if (measure.appliesTo(family)) {
                    measures.add(measure.name() + " " + measure.chineseName);
                }
            }
            text.append(String.join("、", scopes)).append(" —— 度量：").append(String.join("、", measures)).append("；");
        }
        return text.append("例：TOTAL.FULL_YEAR、FISCAL.EXECUTION_RATE、SCORE.TOTAL、SCORE[评分项编码].ITEM、"
                + "INDICATORS[指标编号].ACTUAL").toString();
    }

    /** Parses a key; an unknown scope, measure or parameter is refused with a message in Chinese. */
    public static LedgerFigureKey parse(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("账本数字编码不能为空");
        }
        int dot = code.lastIndexOf('.');
        int bracket = code.lastIndexOf(']');
        if (dot < 0 || dot < bracket) {
            throw new IllegalArgumentException("账本数字编码缺少度量（…\u002E度量）: " + code);
        }
        Measure measure;
        try {
            measure = Measure.valueOf(code.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知的度量「" + code.substring(dot + 1) + "」: " + code);
        }
        List<Scope> scopes = new ArrayList<>();
        for (String part : code.substring(0, dot).split("&", -1)) {
            Matcher m = SCOPE.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("范围格式错误「" + part + "」: " + code);
            }
            ScopeName name;
            try {
                name = ScopeName.valueOf(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("未知的范围「" + m.group(1) + "」: " + code);
            }
            String param = m.group(2);
            if (name.param == Param.NONE && param != null || name.param == Param.REQUIRED && param == null) {
                throw new IllegalArgumentException("范围「" + name + "」" + (param == null ? "须带参数" : "不带参数") + ": " + code);
            }
            checkParameter(name, param, code);
            scopes.add(new Scope(name, param));
        }
        Family family = scopes.get(0).name().family;
        if (family != Family.LINES && scopes.size() > 1) {
            throw new IllegalArgumentException("只有预算行范围可以用 & 组合: " + code);
        }
        if (scopes.stream().anyMatch(s -> s.name().family != family)) {
            throw new IllegalArgumentException("范围不能混用: " + code);
        }
        if (!measure.appliesTo(family)) {
            throw new IllegalArgumentException("度量「" + measure + "」不适用于范围「" + scopes.get(0).name() + "」: " + code);
        }
        if (measure.fiscalOnly() && !(scopes.size() == 1 && scopes.get(0).name() == ScopeName.FISCAL)) {
            throw new IllegalArgumentException("度量「" + measure + "」只适用于 FISCAL（财政拨款）: " + code);
        }
        if (family == Family.INDICATORS && (measure == Measure.ACTUAL) != (scopes.get(0).parameter() != null)) {
            throw new IllegalArgumentException("一个指标的实际完成值写作 INDICATORS[指标编号].ACTUAL，指标个数等写作 INDICATORS.DEFINED: "
                    + code);
        }
        if (family == Family.SCORE && (measure == Measure.ITEM) != (scopes.get(0).parameter() != null)) {
            throw new IllegalArgumentException("评分项得分写作 SCORE[项编码].ITEM，总分写作 SCORE.TOTAL: " + code);
        }
        return new LedgerFigureKey(code, scopes, measure);
    }

    private static void checkParameter(ScopeName name, String param, String code) {
        if (param == null) {
            return;
        }
        try {
            switch (name) {
                case SOURCE -> FundingSource.valueOf(param);
                case PROCUREMENT -> ProcurementCategory.valueOf(param);
                case THREE_PUBLIC -> {
                    if (!param.equals("VEHICLE")) {
                        ThreePublicCategory.valueOf(param);
                    }
                }
                default -> {
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("范围「" + name + "」的参数「" + param + "」无效: " + code);
        }
    }

    public ValueKind kind() {
        return measure.kind();
    }

    /** The value in Chinese words, e.g. {@code 财政拨款·全年预算数}. */
    public String label() {
        return scopes.stream().map(Scope::label).collect(Collectors.joining("·")) + "·" + measure.chineseName();
    }

    /**
     * The value a document may print in this value's place by mistake (固定资产 原值 ↔ 在用原值, 预算 ↔ 执行, 采购预算 ↔
     * 采购执行), or null.
     */
    public LedgerFigureKey swapPartner() {
        Measure partner = switch (measure) {
            case ORIGINAL -> Measure.IN_USE;
            case IN_USE -> Measure.ORIGINAL;
            case FULL_YEAR -> Measure.EXECUTED;
            case PLANNED -> Measure.EXECUTED;
            case EXECUTED -> scopes.get(0).name() == ScopeName.PROCUREMENT ? Measure.PLANNED : Measure.FULL_YEAR;
            default -> null;
        };
        if (partner == null) {
            return null;
        }
        String prefix = scopes.stream().map(Scope::code).collect(Collectors.joining("&"));
        return parse(prefix + "." + partner.name());
    }
}
