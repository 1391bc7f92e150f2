package cn.perfledger.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.browser.XssPayloads.Payload;
import cn.perfledger.app.demo.DemoUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Writes payloads through the REST API, as the users who own each write: 管理 registers the department, its units,
 * the users (display names) and the rubric version (names, descriptions, criteria, provenance, grades, source note, group
 * paths); 录入 the year's ledger (文号, 调整原因, project names and codes, vouchers, 收款人, 摘要, batches, reversals,
 * procurement names and contract numbers, notices, post-close reasons, an imported file and its rows); 评价 the
 * evaluation (indicator names, paths, targets, revisions, actuals, 评分依据, item explanations, evaluator, withdrawals, bonus/penalty
 * reasons and 文号, declared figures, the submitter). Every accepted text is kept with its field and payload kind.
 */
final class XssPlanter {

    /** One text as the ledger stored it. */
    record Planted(String field, String kind, String text) {
    }

    static final String PASSWORD = "xss-Browser-Test-Pass-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;
    /** Every accepted text (years are planted in parallel). */
    final List<Planted> planted = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Field/payload pairs left out because the field is shorter than the payload. */
    final Set<String> tooLong = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

    XssPlanter(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** A department-year: its code, the users who wrote it, the auditor who reads it, its rubric's leaves. */
    record Year(String dept, String base, String auditor, List<String> leaves, List<String> judgementLeaves) {
    }

    /**
     * Plants the payloads {@code ps} into department {@code dept}'s year 2021. {@code full} (the main year): every
     * multi-valued text gets one entity per payload, by the department's own clerk and evaluator. Otherwise (a year
     * per payload, for the texts a department, a rubric or a user has once) only what shows those texts: the
     * department, its auditor, its rubric, a budget line with one adjustment and one notice, one judgement and
     * the submission. {@code writers}: whose clerk and evaluator write it ({@link #writers}).
     */
    Year year(String dept, List<Payload> ps, boolean full, String writers) {
        String admin = "admin";
        String clerk = writers + "-clerk";
        String evaluator = writers + "-evaluator";
        String auditor = dept.toLowerCase() + "-auditor";
        String base = "/api/v1/departments/" + dept + "/years/2021";
        List<Payload> each = full ? ps : List.of();
        Payload last = ps.get(ps.size() - 1);

        // 管理: the department, its units, its auditor, its rubric
        List<Map<String, Object>> units = new ArrayList<>();
        units.add(Map.of("code", "BJ", "name", pack("单位名称", ps, 200), "headOffice", true));
        for (int i = 0; i < each.size(); i++) {
            units.add(Map.of("code", "U" + i, "name", text("单位名称", each.get(i), 200), "headOffice", false));
        }
        post(admin, "/api/v1/departments", map("departmentId", dept, "name", pack("部门名称", ps, 200),
                "jurisdiction", pack("所属政府层级", ps, 100), "units", units, "effectiveDate", "2021-01-01"));
        post(admin, "/api/v1/departments/" + dept + "/units", map("unit", Map.of("code", "UADD", "name",
                text("单位名称", last, 200), "headOffice", false), "effectiveDate", "2021-01-02"));
        user(auditor, "AUDITOR", dept, pack("用户显示名", ps, 100));
        String rubricId = dept.toLowerCase() + "@1";
        List<String> judgementLeaves = new ArrayList<>();
        post(admin, "/api/v1/rubrics", rubric(rubricId, ps, judgementLeaves));

        // 录入: the ledger
        post(clerk, "/api/v1/departments/" + dept + "/years", map("year", 2021, "rubricVersion", rubricId));
        line(clerk, base, "L-B1", "BJ", "BASIC_PERSONNEL", null, null, "30101");
        post(clerk, base + "/initial-budgets", map("lineId", "L-B1", "amount", "2000000.00",
                "documentNo", pack("批复文号", ps, 100), "effectiveDate", "2021-01-01"));
        adjustment(clerk, base + "/adjustments/increase", "L-B1", "1000.00", last, "2021-02-01");
        post(clerk, base + "/execution-notices", map("documentNo", text("通报文号", last, 100),
                "requiredProgress", "0.2500", "publishedRate", "0.9500", "noticeDate", "2021-03-31"));
        if (full) {
            ledger(clerk, base, ps);
        }

        // 评价: the evaluation
        post(evaluator, base + "/evaluation", Map.of());
        if (full) {
            evaluation(evaluator, base, ps);
        }
        for (int i = 0; i < each.size(); i++) {
            importTable(evaluator, base, each.get(i), judgementLeaves.get(i % judgementLeaves.size()));
        }
        for (String leaf : judgementLeaves) {
            judgement(evaluator, base, leaf, "4", ps, "2021-12-31");
        }
        if (full) {
            // the department's explanation of a judged item and of a computed one (both shown in 评分依据)
            for (String leaf : List.of(judgementLeaves.get(0), "M.RATE")) {
                post(evaluator, base + "/evaluation/item-explanations", map("rubricItemCode", leaf,
                        "basis", pack("部门评分依据", ps, 1000), "deviationReason", pack("偏差原因", ps, 1000),
                        "improvement", pack("改进措施", ps, 1000), "effectiveDate", "2021-12-31"));
            }
        }
        if (full) {
            post(evaluator, base + "/evaluation/judgement-scores/" + judgementLeaves.get(0) + "/withdrawal",
                    map("reason", pack("撤回原因", ps, 1000), "effectiveDate", "2021-12-31"));
            judgement(evaluator, base, judgementLeaves.get(0), "3.5", ps, "2021-12-31");
        }
        String digest = get(auditor, base + "/evaluation?asOf=2021-12-31").path("digest").asText();
        post(evaluator, base + "/evaluation/submissions", map("referenceDate", "2021-12-31", "digest", digest,
                "declaredTotal", "90.5", "submittedBy", pack("提交人", ps, 100), "effectiveDate", "2022-01-15"));

        if (full) {
            // after the submission: a score and a closed year's correction, so "as submitted" and "now" differ
            judgement(evaluator, base, judgementLeaves.get(judgementLeaves.size() - 1), "2", ps, "2021-12-31");
            post(clerk, base + "/close", Map.of());
            post(clerk, base + "/adjustments/increase", map("lineId", "L-B1", "amount", "700.00",
                    "documentNo", pack("文号", ps, 100), "reason", pack("调整原因", ps, 500),
                    "effectiveDate", "2021-12-31", "postCloseReason", pack("结账后更正原因", ps, 500)));
        }
        List<String> leaves = new ArrayList<>(judgementLeaves);
        leaves.addAll(List.of("M.RATE", "M.PROC", "E.I0", "E.G", "B.BP"));
        return new Year(dept, "/departments/" + dept + "/years/2021", auditor, leaves, judgementLeaves);
    }

    /** The clerk and evaluator {@code writers}-clerk/-evaluator who write every year (all departments in scope). */
    void writers(String writers, List<Payload> ps) {
        user(writers + "-clerk", "CLERK", "*", pack("用户显示名", ps, 100));
        user(writers + "-evaluator", "EVALUATOR", "*", pack("用户显示名", ps, 100));
    }

    /** One project line per payload with everything a clerk records on it, and a ledger file per payload. */
    private void ledger(String clerk, String base, List<Payload> each) {
        line(clerk, base, "L-B2", "BJ", "BASIC_OPERATING", null, null, "30201");
        post(clerk, base + "/initial-budgets", map("lineId", "L-B2", "amount", "1000000.00",
                "documentNo", pack("批复文号", each, 100), "effectiveDate", "2021-01-01"));
        post(clerk, base + "/carry-ins", map("lineId", "L-B1", "amount", "1000.00", "kind", "CARRY_FORWARD"));
        for (int i = 0; i < each.size(); i++) {
            Payload p = each.get(i);
            String lineId = "L-P" + i;
            line(clerk, base, lineId, "U" + i, "PROJECT", text("项目编码", p, 64), text("项目名称", p, 200), "30227");
            post(clerk, base + "/initial-budgets", map("lineId", lineId, "amount", "1000000.00",
                    "documentNo", text("批复文号", p, 100), "effectiveDate", "2021-01-01"));
            adjustment(clerk, base + "/adjustments/increase", lineId, "50000.00", p, day(3, i));
            adjustment(clerk, base + "/adjustments/decrease", lineId, "20000.00", p, day(5, i));
            post(clerk, base + "/adjustments/transfer", map("shares", List.of(
                    Map.of("lineId", "L-B2", "amount", "-10000.00"), Map.of("lineId", lineId, "amount", "10000.00")),
                    "documentNo", text("文号", p, 100), "reason", text("调整原因", p, 1000),
                    "effectiveDate", day(7, i)));
            String voucher = voucher(p, i);
            post(clerk, base + "/expenditures", map("voucherNo", voucher, "lineId", lineId, "amount", "30000.00",
                    "effectiveDate", day(1 + i % 12, 0), "payee", text("收款人", p, 200),
                    "summary", text("摘要", p, 500)));
            post(clerk, base + "/expenditure-batches", map("batchId", text("批次号", p, 100), "entries", List.of(
                    map("voucherNo", "B-" + i + "-1", "lineId", lineId, "amount", "2000.00",
                            "effectiveDate", day(1 + (i + 3) % 12, 1), "payee", text("收款人", p, 200),
                            "summary", text("摘要", p, 500)))));
            post(clerk, base + "/reversals", map("voucherNo", "R-" + i, "originalVoucherNo", voucher,
                    "amount", "1000.00", "reason", text("冲销原因", p, 1000), "effectiveDate", "2021-12-28"));
            String procurement = "CG-" + i;
            post(clerk, base + "/procurements", map("procurementId", procurement, "name", text("采购项目名称", p, 200),
                    "category", "SERVICES", "planAmount", "100000.00", "smeReserve", "0.00",
                    "effectiveDate", "2021-02-01"));
            String contractNo = text("合同编号", p, 100);
            post(clerk, base + "/procurements/" + procurement + "/contract", map("contractNo", contractNo,
                    "contractAmount", "90000.00", "awardNoticeDate", "2021-03-01", "signedDate", "2021-03-15"));
            post(clerk, base + "/procurements/" + procurement + "/filing", map("contractNo", contractNo,
                    "filedDate", "2021-03-20"));
            post(clerk, base + "/procurements/" + procurement + "/executions", map("amount", "80000.00",
                    "smeAwardedAmount", "0.00", "effectiveDate", "2021-06-30"));
            int month = 1 + i * 11 / Math.max(1, each.size() - 1);
            post(clerk, base + "/execution-notices", map("documentNo", text("通报文号", p, 100),
                    "requiredProgress", String.format(java.util.Locale.ROOT, "%.4f", month / 12.0),
                    "publishedRate", "0.9500",
                    "noticeDate", java.time.YearMonth.of(2021, month).atEndOfMonth().toString()));
            post(clerk, base + "/withdrawals", map("lineId", lineId, "amount", "5000.00",
                    "documentNo", text("收回文号", p, 100), "reason", text("收回原因", p, 1000),
                    "effectiveDate", "2021-12-20"));
            importLedger(clerk, base, p, i);
        }
        post(clerk, base + "/fixed-assets", map("originalValue", "1000000.00", "inUseValue", "900000.00",
                "effectiveDate", "2021-12-31"));
    }

    /** One indicator (target, revision, actual), bonus/penalty item and declared figure per payload. */
    private void evaluation(String evaluator, String base, List<Payload> each) {
        String pathHead = pack("指标层级", each, 100);
        for (int i = 0; i < each.size(); i++) {
            Payload p = each.get(i);
            String id = "I" + i;
            post(evaluator, base + "/evaluation/indicators", map("indicatorId", id,
                    "path", List.of(pathHead, text("指标层级", p, 100)), "name", text("指标名称", p, 1000),
                    "weight", "1", "targetExpression", text("年度指标值", p, 480) + "；目标 ≥95%",
                    "rubricItemCode", i == 0 ? "E.I0" : "E.G", "effectiveDate", "2021-01-15"));
            post(evaluator, base + "/evaluation/indicators/" + id + "/target-revisions", map("newTargetExpression",
                    text("年度指标值", p, 480) + "；调整为 ≥90%", "reason", text("目标调整原因", p, 1000),
                    "effectiveDate", "2021-06-30"));
            post(evaluator, base + "/evaluation/indicators/" + id + "/actuals", map("actual",
                    text("实际完成值", p, 480) + "；实际 " + (i % 3 == 0 ? "80%" : "96%"), "effectiveDate", "2021-12-31"));
            post(evaluator, base + "/evaluation/bonus-penalties", map("entryId", "BP-" + i,
                    "kind", i % 2 == 0 ? "BONUS" : "PENALTY", "points", "2.5", "reason", text("加减分理由", p, 1000),
                    "documentNo", text("加减分文号", p, 100), "effectiveDate", day(10, i)));
            declared(evaluator, base, "DF-" + i, p);
        }
    }

    private void user(String username, String role, String departments, String displayName) {
        post("admin", "/api/v1/admin/users", map("username", username, "displayName", displayName,
                "password", PASSWORD, "roles", List.of(role), "departments", departments));
    }

    // --- the rubric ------------------------------------------------------------------------------------------

    private Map<String, Object> rubric(String id, List<Payload> ps, List<String> judgementLeaves) {
        List<Object> management = new ArrayList<>();
        List<List<Payload>> chunks = chunks(ps, 200);
        for (int j = 0; j < chunks.size(); j++) {
            String code = "M.J" + j;
            judgementLeaves.add(code);
            management.add(leaf(code, pack("评分项名称", chunks.get(j), 200), "5", map("kind", "judgement"),
                    map("kind", "judgement"), ps));
        }
        management.add(leaf("M.RATE", pack("评分项名称", ps, 200), "5", map("kind", "deductionPerPoint",
                "targetRate", 1, "pointsPerPercentagePoint", 0.1), map("kind", "ledgerMetric",
                "metric", "BUDGET_EXECUTION_RATE"), ps));
        management.add(leaf("M.PROC", pack("评分项名称", ps, 200), "5", map("kind", "proportional", "fullAt", null),
                map("kind", "ledgerMetric", "metric", "PROCUREMENT_EXECUTION_RATE"), ps));
        List<Object> effect = List.of(
                leaf("E.I0", pack("评分项名称", ps, 200), "5", map("kind", "metOrFactor", "whenNotMet", "FACTOR",
                        "factor", 0.9), map("kind", "indicator", "indicatorId", "I0"), ps),
                leaf("E.G", pack("评分项名称", ps, 200), "5", map("kind", "shareMet"), map("kind", "indicatorGroup",
                        "groupCode", "E", "pathPrefix", List.of(pack("指标层级", ps, 100))), ps));
        List<Object> bonus = List.of(leaf("B.BP", pack("评分项名称", ps, 200), "5", map("kind", "bonusPenalty",
                "pointsPerBonus", 2.5, "pointsPerPenalty", 2.5, "bonusCap", 5, "penaltyCap", 5),
                map("kind", "bonusPenalty"), ps));
        int managementWeight = 5 * management.size();
        List<Object> tree = List.of(
                group("M", pack("评分项名称", ps, 200), managementWeight, management),
                group("E", pack("评分项名称", ps, 200), 10, effect),
                group("B", pack("评分项名称", ps, 200), 5, bonus));
        String tiny = XssPayloads.TINY;
        plant("等级名称", "tiny-markup", tiny);
        return map("rubricVersionId", id, "name", pack("评价体系名称", ps, 200), "jurisdiction",
                pack("评价体系适用地区", ps, 100), "scope", map("allDepartments", true), "templateYear", 2021, "totalWeight", managementWeight + 15,
                "bonusCap", 5, "tree", tree, "rounding", map("decimals", 2, "mode", "HALF_UP"),
                "grades", map("bands", List.of(map("grade", tiny + "优", "minScore", 90),
                        map("grade", tiny + "中", "minScore", 60), map("grade", tiny + "差", "minScore", null))),
                "sourceNote", pack("评价体系来源说明", ps, 500), "effectiveDate", "2021-01-01");
    }

    private Map<String, Object> leaf(String code, String name, String weight, Map<String, Object> rule,
            Map<String, Object> input, List<Payload> ps) {
        return map("code", code, "name", name, "weight", weight, "description", pack("指标解释", ps, 1000),
                "criteria", pack("评分标准", ps, 1000), "provenance", pack("规则来源说明", ps, 1000), "rule", rule,
                "input", input);
    }

    private static Map<String, Object> group(String code, String name, int weight, List<Object> children) {
        return map("code", code, "name", name, "weight", weight, "children", children);
    }

    // --- writes ----------------------------------------------------------------------------------------------

    private void line(String clerk, String base, String id, String unit, String kind, String projectCode,
            String projectName, String economic) {
        post(clerk, base + "/budget-lines", map("lineId", id, "unit", unit, "fundingSource", "GENERAL_PUBLIC_BUDGET",
                "kind", kind, "projectCode", projectCode, "projectName", projectName, "functionalCode", "2010101",
                "economicCode", economic, "effectiveDate", "2021-01-01"));
    }

    private void adjustment(String clerk, String path, String lineId, String amount, Payload p, String date) {
        post(clerk, path, map("lineId", lineId, "amount", amount, "documentNo", text("文号", p, 100),
                "reason", text("调整原因", p, 1000), "effectiveDate", date));
    }

    private void judgement(String evaluator, String base, String leaf, String score, List<Payload> ps, String date) {
        post(evaluator, base + "/evaluation/judgement-scores", map("rubricItemCode", leaf, "score", score,
                "basis", pack("评分依据", ps, 1000), "evaluator", pack("评价人", ps, 100), "effectiveDate", date));
    }

    private void declared(String evaluator, String base, String id, Payload p) {
        post(evaluator, base + "/evaluation/declared-figures", map("figureId", id, "document",
                text("公开文件名称", p, 200), "item", text("所印项目", p, 1000), "printedValue",
                text("所印数字原文", p, 900) + " 3.00", "unitAsPrinted", "万元", "ledgerFigure", "FISCAL.FULL_YEAR",
                "structure", map("kind", "SUM", "operands", List.of(
                        map("role", "PART", "label", text("算式分项名称", p, 200), "printedValue", "1.00"),
                        map("role", "PART", "label", text("算式分项名称", p, 200), "printedValue", "2.00"))),
                "effectiveDate", "2021-12-31"));
    }

    /** A ledger file named by the payload with rows carrying it (a CSV cell quotes it the way Excel would). */
    private void importLedger(String clerk, String base, Payload p, int i) {
        String doc = quoted(text("导入文件中的文号", p, 100));
        String reason = quoted(text("导入文件中的调整原因", p, 500));
        String payee = quoted(text("导入文件中的收款人", p, 200));
        String summary = quoted(text("导入文件中的摘要", p, 500));
        // the line was already increased under the same 文号 (adjustment(...) above): the file's increase is another
        // adjustment of that document and line, so it names itself by a 调整编号
        String csv = "金额单位,元\n记录类型,预算行编号,业务日期,金额,文号,调整原因,凭证号,收款人,摘要,调整编号\n"
                + "追加,L-P" + i + ",2021-09-0" + (1 + i % 9) + ",100.00," + doc + "," + reason + ",,,,IMP-ADJ-" + i
                + "\n"
                + "支出凭证,L-P" + i + ",2021-09-1" + (i % 9) + ",50.00,,,IMP-" + i + "," + payee + "," + summary + ",\n";
        upload(clerk, base + "/imports/ledger", fileName(p, ".csv"), csv, Map.of(), p);
    }

    /** A 自评表 (tab-separated, as Excel saves it) named by the payload, scoring a judged leaf with it as 评分依据. */
    private void importTable(String evaluator, String base, Payload p, String leaf) {
        String tsv = "三级指标\t分值\t得分\t评分依据\n" + leaf + "\t5\t3\t"
                + quoted(text("自评表导入的评分依据", p, 900)) + "\n";
        upload(evaluator, base + "/imports/evaluation-table", fileName(p, ".txt"), tsv,
                Map.of("referenceDate", "2021-12-31", "evaluator", text("自评表导入的评价人", p, 100)), p);
    }

    /** A file name cannot hold '/' (the server keeps what follows the last one): the payload without it. */
    private static String fileName(Payload p, String extension) {
        return p.text().replaceAll("xssHit\\(/(\\w+)/\\.source\\)", "xssHit('$1')").replace("/", "") + extension;
    }

    private void upload(String user, String path, String fileName, String content, Map<String, String> fields,
            Payload p) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        fields.forEach(form::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> answer = rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("import %s: %s", fileName, answer.getBody()).isTrue();
        JsonNode storedName = read(answer.getBody()).findValue("fileName");
        assertThat(storedName).as("file name in the import report %s", answer.getBody()).isNotNull();
        plant("导入文件名", p.kind(), storedName.asText());
    }

    /** A CSV or tab-separated cell quoted the way Excel writes one. */
    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    // --- texts -----------------------------------------------------------------------------------------------

    /**
     * The payload's text for a field of at most {@code max} characters (its compact form where the full one is too
     * long), registered as planted; a plain text where neither fits.
     */
    private String text(String field, Payload p, int max) {
        String t = p.forField(true, max);
        if (t == null) {
            t = p.forField(false, max);
        }
        if (t == null) {
            tooLong.add(field + "/" + p.kind());
            return "xss-" + p.kind();
        }
        plant(field, p.kind(), t);
        return t;
    }

    /**
     * As many of the payloads as fit whole in one text of at most {@code max} characters; where none fits, the
     * first one as {@link #text} gives it.
     */
    private String pack(String field, List<Payload> ps, int max) {
        List<Payload> fitting = ps.stream().filter(p -> p.text().length() <= max).toList();
        if (fitting.isEmpty()) {
            return text(field, ps.get(0), max);
        }
        StringBuilder text = new StringBuilder();
        for (Payload p : chunks(fitting, max).get(0)) {
            text.append(text.isEmpty() ? "" : " · ").append(p.text());
            plant(field, p.kind(), p.text());
        }
        return text.toString();
    }

    private static List<List<Payload>> chunks(List<Payload> ps, int max) {
        List<List<Payload>> chunks = new ArrayList<>();
        List<Payload> current = new ArrayList<>();
        int length = 0;
        for (Payload p : ps) {
            if (!current.isEmpty() && length + 3 + p.text().length() > max) {
                chunks.add(current);
                current = new ArrayList<>();
                length = 0;
            }
            current.add(p);
            length += (length == 0 ? 0 : 3) + p.text().length();
        }
        chunks.add(current);
        return chunks;
    }

    private String voucher(Payload p, int i) {
        String compact = p.forField(false, 64);
        if (compact == null) {
            tooLong.add("凭证号/" + p.kind());
            return "V-" + i;
        }
        plant("凭证号", p.kind(), compact);
        return compact;
    }

    private void plant(String field, String kind, String text) {
        assertThat(text.strip()).as("planted text of %s", field).isNotEmpty();
        planted.add(new Planted(field, kind, text.strip()));
    }

    Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>();
        planted.forEach(p -> fields.add(p.field()));
        return fields;
    }

    // --- HTTP ------------------------------------------------------------------------------------------------

    private JsonNode post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = rest.withBasicAuth(user, password(user)).exchange(path, HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("POST %s as %s: %s", path, user, answer.getBody())
                .isTrue();
        return read(answer.getBody());
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<String> answer = rest.withBasicAuth(user, password(user)).getForEntity(path, String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("GET %s: %s", path, answer.getBody()).isTrue();
        return read(answer.getBody());
    }

    private static String password(String user) {
        return user.equals("admin") ? DemoUsers.PASSWORD : PASSWORD;
    }

    private static JsonNode read(String body) {
        try {
            return body == null ? JSON.nullNode() : JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String day(int month, int i) {
        return String.format("2021-%02d-%02d", month, 1 + i % 28);
    }

    /** A map that keeps nulls and order (Map.of refuses null). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
