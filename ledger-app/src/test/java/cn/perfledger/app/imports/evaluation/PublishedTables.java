package cn.perfledger.app.imports.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Three 自评表 published by departments of three provinces, rebuilt cell for cell as .xlsx from the text the public
 * pages carry (sources in {@code fixtures/published-tables/README.md}). Where the retrieved text ends or is
 * garbled the fixture ends too; nothing is filled in. Each comes with the department's scoring scheme as a rubric
 * (the form's own rules: 预算执行率 = 分值 × 执行率, 定量指标 met ⇒ the 分值 else 分值 × completion, 定性 by grade).
 */
final class PublishedTables {

    private PublishedTables() {
    }

    /** One published table: where it is from, its cells, its merged regions, the rubric of its scoring scheme. */
    record Published(String key, String province, String source, int year, List<String[]> rows, List<int[]> merges,
            String rubricTree, String direction) {

        byte[] xlsx() throws IOException {
            try (XSSFWorkbook book = new XSSFWorkbook()) {
                Sheet sheet = book.createSheet("自评表");
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    String[] cells = rows.get(r);
                    for (int c = 0; c < cells.length; c++) {
                        if (!cells[c].isEmpty()) {
                            row.createCell(c).setCellValue(cells[c]);
                        }
                    }
                }
                for (int[] m : merges) {
                    sheet.addMergedRegion(new CellRangeAddress(m[0], m[1], m[2], m[3]));
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                book.write(out);
                return out.toByteArray();
            }
        }
    }

    private static String[] r(String... cells) {
        return cells;
    }

    /** A leaf scored from one indicator: met ⇒ the weight, otherwise weight × completion rate. */
    static String indicator(String code, String name, int weight) {
        return """
                {"code":"%s","name":"%s","weight":%d,"rule":{"kind":"metOrFactor","whenNotMet":"COMPLETION_RATE"},
                 "input":{"kind":"indicator","indicatorId":"%s"}}""".formatted(code, name, weight, code);
    }

    static String judged(String code, String name, int weight) {
        return """
                {"code":"%s","name":"%s","weight":%d,"rule":{"kind":"judgement"},"input":{"kind":"judgement"}}"""
                .formatted(code, name, weight);
    }

    static String budget(String code, String name, int weight) {
        return """
                {"code":"%s","name":"%s","weight":%d,"rule":{"kind":"proportional","fullAt":1},
                 "input":{"kind":"ledgerMetric","metric":"BUDGET_EXECUTION_RATE"}}""".formatted(code, name, weight);
    }

    static String group(String code, String name, int weight, String... children) {
        return """
                {"code":"%s","name":"%s","weight":%d,"children":[%s]}""".formatted(code, name, weight,
                String.join(",", children));
    }

    /**
     * 湖北省通城县塘湖镇人民政府 2020 年度部门整体支出绩效自评表 (填报日期 2021.5.18): the county form without 分值,
     * 预算执行情况 20 分 = 20 × 执行率, 年度绩效指标 80 分, 总分 100 分.
     */
    static Published hubeiTanghu() {
        List<String[]> rows = List.of(
                r("单位名称：塘湖镇政府", "", "", "", "填报日期：2021.5.18"),
                r("单位名称", "塘湖镇人民政府"),
                r("基本支出总额", "864.2万", "项目支出总额", "0"),
                r("预算执行情况（万元）(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"),
                r("部门整体支出总额", "864.2", "", "100%", "20"),
                r("年度目标1：(80分)", "增强政府工作效率、改善乡镇居住环境"),
                r("年度绩效指标", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"),
                r("", "产出指标", "数量指标", "办结信访案件", "168起", "168起", "10"),
                r("", "", "数量指标", "拆除活人墓、豪华墓", "32座", "32座", "20"),
                r("", "", "日效性指标", "解决群众问题时间", "2天以内", "2天以内", "10"),
                r("", "效益指标", "社会效益指标", "改善人居环境", "有效改善", "有效改善", "10"),
                r("", "", "社会效益指标", "提升出行效率", "有效提升", "有效提升", "10"),
                r("", "满意度指标", "群众满意度 指标", "群众对政府工作满意度", "≧90%", "95%", "20"),
                r("总分", "100分"),
                r("偏差大或 目标未完成 原因分析", "无"),
                r("改进措施及 结果应用方案", "无"));
        List<int[]> merges = List.of(new int[] {6, 12, 0, 0}, new int[] {7, 9, 1, 1}, new int[] {10, 11, 1, 1},
                new int[] {13, 13, 1, 6}, new int[] {14, 14, 1, 6}, new int[] {15, 15, 1, 6});
        String tree = String.join(",",
                budget("B", "预算执行情况", 20),
                group("O", "产出指标", 40, indicator("O.1", "办结信访案件", 10), indicator("O.2", "拆除活人墓、豪华墓", 20),
                        indicator("O.3", "解决群众问题时间", 10)),
                group("X", "效益指标", 20, judged("X.1", "改善人居环境", 10), judged("X.2", "提升出行效率", 10)),
                group("S", "满意度指标", 20, indicator("S.1", "群众对政府工作满意度", 20)));
        return new Published("hubei-tanghu-2020", "湖北省", "http://www.zgtc.gov.cn/xxgk/dfbmptlj/xzxxgkpt/thz/"
                + "fdzdgknr_22529/czzj_22533/202108/t20210825_2381407.shtml", 2020, rows, merges, tree, "正向");
    }

    /**
     * 安徽省池州市贵池区棠溪镇人民政府 委托业务项目 支出绩效自评表（2022年度）, the national form of 财预〔2020〕10号.
     * The retrieved text ends in the 满意度指标 row (“公众满…”): that row and the 总分 are not in the fixture.
     */
    static Published anhuiTangxi() {
        List<String[]> rows = List.of(
                r("项目支出绩效自评表"),
                r("（2022年度）"),
                r("项目名称", "委托业务项目"),
                r("主管部门", "219-池州市贵池区棠溪镇人民政府", "", "实施单位", "219001-池州市贵池区棠溪镇人民政府"),
                r("项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
                r("", "年度资金总额：", "0", "0", "0", "10", "0", "0"),
                r("", "其中：本年财政拨款", "90", "89.974", "89.974"),
                r("", "上年结转资金"),
                r("", "其他资金"),
                r("年度总体目标", "预期目标", "", "", "", "实际完成情况"),
                r("", "本项目共申请预算资金90万元。其中：30万元用于基建工程项目预算编制；30万元用于基建工程项目审计；30万元用于基建工程项目设计、规划、测绘。",
                        "", "", "", "本项目共完成预算资金89.97万元。其中：30万元用于基建工程项目预算编制；30万元用于基建工程项目审计；29.99万元用于基建工程项目设计、规划、测绘。"),
                r("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"),
                r("", "产出指标(50分)", "数量指标", "基建工程委托业务项目数量", "≥50个", "50", "8", "8"),
                r("", "", "质量指标", "委托业务报告合格率", "≥100百分比", "100", "8", "8"),
                r("", "", "", "经费支出合规性", "严格执行相关制度规定", "达成预期指标", "8", "8"),
                r("", "", "时效指标", "提交报告及时性", "在项目计划完成时间内完成", "达成预期指标", "8", "8"),
                r("", "", "成本指标", "项目总成本", "≤90万元", "90", "8", "8"),
                r("", "", "", "单项业务成本", "符合相关规定", "达成预期指标", "10", "10"),
                r("", "效益指标(30分)", "社会效益指标", "对维护基建市场公平的影响程度", "效果明显", "达成预期指标", "10", "10"),
                r("", "", "生态效益指标", "对控制基建项目成本影响程度", "效果明显", "达成预期指标", "10", "10"),
                r("", "", "可持续影响指标", "对推动基建项目“四项制度”健全和落实的持续性影响", "效果明显", "达成预期指标", "10", "10"),
                r("", "", "经济效益指标"));
        List<int[]> merges = List.of(new int[] {4, 8, 0, 0}, new int[] {9, 10, 0, 0}, new int[] {9, 9, 1, 4},
                new int[] {9, 9, 5, 8}, new int[] {10, 10, 1, 4}, new int[] {10, 10, 5, 8}, new int[] {11, 21, 0, 0},
                new int[] {12, 17, 1, 1}, new int[] {18, 21, 1, 1}, new int[] {13, 14, 2, 2}, new int[] {16, 17, 2, 2});
        String tree = String.join(",",
                budget("B", "预算执行率", 10),
                group("O", "产出指标", 50, indicator("O.1", "基建工程委托业务项目数量", 8),
                        indicator("O.2", "委托业务报告合格率", 8), indicator("O.3", "经费支出合规性", 8),
                        indicator("O.4", "提交报告及时性", 8), indicator("O.5", "项目总成本", 8),
                        indicator("O.6", "单项业务成本", 10)),
                group("X", "效益指标", 30, indicator("X.1", "对维护基建市场公平的影响程度", 10),
                        indicator("X.2", "对控制基建项目成本影响程度", 10),
                        indicator("X.3", "对推动基建项目“四项制度”健全和落实的持续性影响", 10)),
                group("S", "满意度指标", 10, judged("S.1", "公众满意度", 10)));
        return new Published("anhui-tangxi-2022", "安徽省", "http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2",
                2022, rows, merges, tree, "定性");
    }

    /**
     * 四川省眉山市青神县发展和改革局 部门预算项目支出绩效自评表（2023年度，报表编号 510000_0013zp，工资性支出）: the
     * Sichuan form, 指标性质 “=” in its own column and 度量单位 apart; the department left 完成值 and 得分 blank.
     */
    static Published sichuanQingshen() {
        List<String[]> rows = List.of(
                r("部门预算项目支出绩效自评表(2023年度)"),
                r("项目名称", "51000021R000000019951-工资性支出"),
                r("主管部门", "青神县发展和改革局本级", "", "实施单位 (盖章)", "青神县发展和改革局"),
                r("项目基本情况", "1.项目年度目标完成情况", "项目年度目标", "", "年度目标完成情况"),
                r("", "", "严格执行相关政策，保障工资及时、足额发放或社保及时、足额缴纳，预算编制科学合理，减少结余资金。", "",
                        "对照年度目标，说明相关任务目标的完成情况(100字以内)"),
                r("预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"),
                r("", "总额", "238.93", "251.89", "251.89", "100.00%", "10", "",
                        "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因(100字以内)"),
                r("", "其中：财政资金", "238.93", "251.89", "251.89", "100.00%", "/", "/"),
                r("", "财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"),
                r("", "单位资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"),
                r("", "其他资金", "", "", "", "", "/", "/"),
                r("绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"),
                r("", "产出指标", "数量指标", "发放(缴纳)覆盖率", "=", "100", "%", "", "60", "", ""),
                r("", "效益指标", "社会效益指标", "足额保障率(参保率)", "=", "100", "%", "", "30", "", ""),
                r("合计", "100"),
                r("评价结论", "结合自评情况，说明项目自评总分，说明项目实施取得的成效或成果。(200字以内)"));
        List<int[]> merges = List.of(new int[] {5, 10, 0, 0}, new int[] {6, 10, 8, 8}, new int[] {11, 13, 0, 0},
                new int[] {14, 14, 1, 10}, new int[] {15, 15, 1, 10});
        String tree = String.join(",",
                budget("B", "预算执行率", 10),
                group("O", "产出指标", 60, indicator("O.1", "发放(缴纳)覆盖率", 60)),
                group("X", "效益指标", 30, indicator("X.1", "足额保障率(参保率)", 30)));
        return new Published("sichuan-qingshen-2023", "四川省", "https://www.scqs.gov.cn/info/13206/211004.htm", 2023,
                rows, merges, tree, null);
    }
}
