package cn.perfledger.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.TestRubrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Throws at least 10,000 seeded, malformed or hostile requests at the write endpoints and asserts for each: a 4xx
 * Problem Details body naming {@code field} and {@code rule} (never a 5xx, never an empty body), and the event
 * store unchanged (row count and highest global index of {@code DomainEventEntry}, checked after every case).
 *
 * <p>Every case starts from a request that would be valid (fresh voucher numbers and ids) and then breaks it on
 * purpose: one or more fields replaced by a value the ledger must refuse (3 decimals, exponent notation,
 * negative or absurd amounts, codes of the wrong length, impossible or out-of-year dates, unknown lines,
 * duplicate vouchers with another payload, reversals beyond the original, 100 KB texts, control characters,
 * formula-looking cells also behind leading spaces, zero-width and bidi characters and lone surrogates in ids and
 * texts, path traversal), broken event files for the restore importer, the body broken as a whole (truncated JSON, a name twice, text after the value, wrong root type, invalid
 * UTF-8, BOMs and UTF-16 on top of a broken field, wrong content type) or the path/headers made hostile.
 *
 * <p>The seed is printed; {@code -Dfuzz.seed=N} replays a run, {@code -Dfuzz.cases=N} changes its length.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiFuzzTest implements H2FileContext {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String HUGE = "长".repeat(100 * 1024 / 3) + "x".repeat(100);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper objectMapper;

    private String dept;
    private String base;

    /** One generated request. */
    record Case(String description, String method, String path, String contentType, byte[] body,
            Map<String, String> headers) {
    }

    @Test
    void hostileInput_isRefusedWithProblemDetails_andNeverWrites() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int cases = Integer.getInteger("fuzz.cases", 10_000);
        System.out.println("[fuzz] seed=" + seed + " (replay with -Dfuzz.seed=" + seed + "), cases=" + cases);
        setUp();
        Random random = new Random(seed);

        long[] before = storeState();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Long> millisByKind = new TreeMap<>();
        int serverErrors = 0;
        int partialWrites = 0;
        int malformedProblems = 0;
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            Case c = nextCase(random, i);
            String kind = c.description().replaceAll("(?s):.*", "");
            byKind.merge(kind, 1, Integer::sum);
            long t0 = System.nanoTime();
            MockHttpServletResponse response = perform(c);
            millisByKind.merge(kind, (System.nanoTime() - t0) / 1_000_000, Long::sum);
            int status = response.getStatus();
            byStatus.merge(status, 1, Integer::sum);
            String problem = checkProblem(response);
            if (status >= 500) {
                serverErrors++;
            }
            if (problem != null) {
                malformedProblems++;
            }
            long[] after = storeState();
            boolean wrote = after[0] != before[0] || after[1] != before[1];
            if (wrote) {
                partialWrites++;
                before = after;
            }
            if ((status < 400 || status >= 500 || problem != null || wrote) && failures.size() < 25) {
                failures.add("#" + i + " " + c.description() + " " + c.method() + " " + c.path() + " → " + status
                        + (problem == null ? "" : " (" + problem + ")") + " body="
                        + abbreviate(response.getContentAsString(StandardCharsets.UTF_8)) + " request="
                        + abbreviate(new String(c.body(), StandardCharsets.UTF_8)));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long[] end = storeState();
        int fourXx = byStatus.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500)
                .mapToInt(Map.Entry::getValue).sum();
        System.out.println("[fuzz] summary: seed=" + seed + " cases=" + cases + " in " + millis + " ms; 4xx=" + fourXx
                + " by status " + byStatus + "; 5xx seen=" + serverErrors + "; partial writes seen=" + partialWrites
                + "; problem bodies without field/rule=" + malformedProblems + "; event store " + before[0]
                + " rows, max globalIndex " + before[1] + " → " + end[0] + " rows, " + end[1]);
        System.out.println("[fuzz] cases by kind: " + byKind + ", milliseconds by kind: " + millisByKind);
        failures.forEach(f -> System.out.println("[fuzz] FAIL " + f));
        assertThat(failures).as("cases that were not a clean 4xx refusal (seed " + seed + ")").isEmpty();
        assertThat(serverErrors).isZero();
        assertThat(partialWrites).isZero();
        assertThat(end).containsExactly(before[0], before[1]);
    }

    private void setUp() throws Exception {
        dept = "FZ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        base = "/api/v1/departments/" + dept + "/years/2021";
        expectCreated("/api/v1/departments", """
                {"departmentId":"%s","name":"模糊测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}"""
                .formatted(dept));
        TestRubrics.ensurePublished(mvc);
        expectCreated("/api/v1/departments/" + dept + "/years", """
                {"year":2021,"rubricVersion":"gz-municipal-2021@1"}""");
        expectCreated(base + "/budget-lines", """
                {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"BASIC_OPERATING",
                 "functionalCode":"2010101","economicCode":"30201","effectiveDate":"2021-01-01"}""");
        expectCreated(base + "/budget-lines", """
                {"lineId":"L2","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"PROJECT",
                 "projectCode":"P-01","projectName":"信息化","functionalCode":"2010150","economicCode":"31002",
                 "effectiveDate":"2021-01-01"}""");
        expectCreated(base + "/initial-budgets", """
                {"lineId":"L1","amount":"100000.00","documentNo":"财预1号","effectiveDate":"2021-01-15"}""");
        expectCreated(base + "/initial-budgets", """
                {"lineId":"L2","amount":"50000.00","documentNo":"财预1号","effectiveDate":"2021-01-15"}""");
        expectCreated(base + "/expenditures", """
                {"voucherNo":"V-1","lineId":"L1","amount":"1000.00","effectiveDate":"2021-03-01","payee":"某公司",
                 "summary":"办公用品"}""");
    }

    private void expectCreated(String path, String json) throws Exception {
        MockHttpServletResponse response = mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + " " + response.getContentAsString()).isEqualTo(201);
    }

    private MockHttpServletResponse perform(Case c) throws Exception {
        MockHttpServletRequestBuilder request = post(java.net.URI.create(c.path())).content(c.body());
        if (c.contentType() != null) {
            request.contentType(c.contentType());
        }
        c.headers().forEach(request::header);
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Null when the body is a Problem Details document with a non-empty field and rule, else what is wrong. */
    private String checkProblem(MockHttpServletResponse response) throws Exception {
        byte[] bytes = response.getContentAsByteArray();
        if (bytes.length == 0) {
            return "empty body";
        }
        String contentType = response.getContentType();
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "content type " + contentType;
        }
        JsonNode body;
        try {
            body = objectMapper.readTree(bytes);
        } catch (Exception e) {
            return "body is not JSON";
        }
        for (String member : List.of("field", "rule", "title", "status")) {
            JsonNode value = body.get(member);
            if (value == null || value.isNull() || value.asText().isBlank()) {
                return "no " + member;
            }
        }
        if (body.get("status").asInt() != response.getStatus()) {
            return "status member " + body.get("status") + " differs";
        }
        return null;
    }

    private long[] storeState() {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    // ------------------------------------------------------------------------------------------- generation

    private enum Kind { MONEY, POSITIVE_MONEY, DATE, LINE, VOUCHER, TEXT, REQUIRED_TEXT, FUNCTIONAL, ECONOMIC,
        ENUM, NEW_ID, DECIMAL, ABSURD_DATE }

    /** A valid request and the kind of each field that can be broken. */
    private record Template(String name, String path, ObjectNode body, Map<String, Kind> fields) {
    }

    Case nextCase(Random r, int n) {
        if (n == 17 || n == 4711) {
            // two huge batches per run (20,001 entries; 5,000 with the last one bad): costly, so not random
            return hugeBatch(n == 17, n);
        }
        int roll = r.nextInt(1000);
        if (roll < 30) {
            return wholeBody(r, n);
        }
        if (roll < 60) {
            return hostilePath(r, n);
        }
        if (roll < 75) {
            return hostileHeaders(r, n);
        }
        if (roll < 90) {
            return semanticConflict(r, n);
        }
        if (roll < 105) {
            return hostileImport(r, n);
        }
        Template t = template(r, n);
        List<String> names = new ArrayList<>(t.fields().keySet());
        int mutations = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
        StringBuilder description = new StringBuilder("field:" + t.name());
        for (int i = 0; i < mutations; i++) {
            String field = names.get(r.nextInt(names.size()));
            description.append(' ').append(field).append('=').append(breakField(r, t.body(), field,
                    t.fields().get(field)));
        }
        byte[] bytes = bytes(t.body());
        String contentType = MediaType.APPLICATION_JSON_VALUE;
        int encoding = r.nextInt(10);
        if (encoding == 0) {
            bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
            description.append(" +utf8-bom");
        } else if (encoding == 1) {
            bytes = escapeLoneSurrogates(t.body().toString()).getBytes(StandardCharsets.UTF_16);
            description.append(" +utf16");
        } else if (encoding == 2) {
            bytes = escapeLoneSurrogates(t.body().toString()).getBytes(Charset.forName("GB18030"));
            contentType = "application/json;charset=GB18030";
            description.append(" +gb18030-declared");
        }
        return new Case(description.toString(), "POST", t.path(), contentType, bytes, Map.of());
    }

    /**
     * The restore importer ({@code POST /api/v1/import}) fed broken event files: empty, garbage, a wrong format,
     * a digest that does not match, a matching digest over a broken event line, a file that would overwrite an
     * existing stream, a BOM in front of the header. Each must be refused whole.
     */
    private Case hostileImport(Random r, int n) {
        String stream = dept + "/2021";
        String eventLine = switch (r.nextInt(3)) {
            case 0 -> "{\"globalIndex\":1,\"aggregateIdentifier\":\"" + stream + "\",\"sequenceNumber\":0,"
                    + "\"type\":\"BudgetLedger\",\"eventIdentifier\":\"" + UUID.randomUUID() + "\","
                    + "\"timeStamp\":\"2021-01-01T00:00:00Z\",\"payloadType\":\"x\",\"payloadRevision\":\"1\","
                    + "\"payload\":{},\"metaData\":{}}";
            case 1 -> "{\"globalIndex\":1,\"aggregateIdentifier\":";
            default -> "=cmd|' /C calc'!A0," + "x".repeat(r.nextInt(5000));
        };
        int variant = r.nextInt(7);
        String header = "{\"format\":\"perf-ledger-events/1\",\"exportedAt\":\"2026-01-01T00:00:00Z\","
                + "\"scope\":\"all\",\"eventCount\":1,\"digestAlgorithm\":\"SHA-256\",\"digest\":\""
                + (variant == 3 ? "0".repeat(64) : sha256Hex(eventLine + "\n")) + "\"}";
        String body = switch (variant) {
            case 0 -> "";
            case 1 -> new String(randomBytes(r), StandardCharsets.ISO_8859_1);
            case 2 -> header.replace("perf-ledger-events/1", "perf-ledger-events/9") + "\n" + eventLine + "\n";
            case 6 -> "\uFEFF" + header + "\n" + eventLine + "\n";
            default -> header + "\n" + eventLine + "\n";
        };
        return new Case("import:variant-" + variant, "POST", "/api/v1/import", "application/x-ndjson",
                body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Template template(Random r, int n) {
        String voucher = "FZ-" + n;
        switch (r.nextInt(10)) {
            case 0:
                return new Template("expenditure", base + "/expenditures", obj("voucherNo", voucher, "lineId", "L1",
                        "amount", "12.34", "effectiveDate", "2021-05-01", "payee", "某公司", "summary", "办公用品"),
                        Map.of("voucherNo", Kind.VOUCHER, "lineId", Kind.LINE, "amount", Kind.POSITIVE_MONEY,
                                "effectiveDate", Kind.DATE, "payee", Kind.TEXT, "summary", Kind.TEXT));
            case 1: {
                ObjectNode body = obj("batchId", "fz-batch-" + n, "postCloseReason", null);
                ArrayNode entries = body.putArray("entries");
                int size = 1 + r.nextInt(40);
                for (int i = 0; i < size; i++) {
                    entries.add(obj("voucherNo", voucher + "-" + i, "lineId", i % 2 == 0 ? "L1" : "L2", "amount",
                            "1.0" + (i % 10), "effectiveDate", "2021-06-0" + (1 + i % 9), "payee", "供应商" + i));
                }
                // the broken field is one entry among many: the batch must be refused as a whole
                int victim = r.nextInt(size);
                ObjectNode entry = (ObjectNode) entries.get(victim);
                String[] names = {"voucherNo", "lineId", "amount", "effectiveDate", "payee"};
                Kind[] kinds = {Kind.VOUCHER, Kind.LINE, Kind.POSITIVE_MONEY, Kind.DATE, Kind.TEXT};
                int k = r.nextInt(names.length);
                String broken = breakField(r, entry, names[k], kinds[k]);
                return new Template("batch[" + victim + "/" + size + "]." + names[k] + "=" + broken,
                        base + "/expenditure-batches", body, Map.of("batchId", Kind.REQUIRED_TEXT));
            }
            case 2:
                return new Template("reversal", base + "/reversals", obj("voucherNo", voucher, "originalVoucherNo",
                        "V-1", "amount", "10.00", "reason", "退货", "effectiveDate", "2021-06-01"),
                        Map.of("voucherNo", Kind.VOUCHER, "amount", Kind.POSITIVE_MONEY, "reason",
                                Kind.REQUIRED_TEXT, "effectiveDate", Kind.DATE));
            case 3:
                return new Template("increase", base + "/adjustments/increase", obj("lineId", "L1", "amount",
                        "100.00", "documentNo", "财预" + n + "号", "reason", "追加", "effectiveDate", "2021-06-01"),
                        Map.of("lineId", Kind.LINE, "amount", Kind.POSITIVE_MONEY, "documentNo", Kind.REQUIRED_TEXT,
                                "reason", Kind.REQUIRED_TEXT, "effectiveDate", Kind.DATE));
            case 4:
                return new Template("decrease", base + "/adjustments/decrease", obj("lineId", "L2", "amount",
                        "1.00", "documentNo", "财预" + n + "号", "reason", "调减", "effectiveDate", "2021-06-01"),
                        Map.of("lineId", Kind.LINE, "amount", Kind.POSITIVE_MONEY, "documentNo", Kind.REQUIRED_TEXT,
                                "reason", Kind.REQUIRED_TEXT, "effectiveDate", Kind.DATE));
            case 5: {
                ObjectNode body = obj("documentNo", "调" + n, "reason", "调剂", "effectiveDate", "2021-07-01");
                ArrayNode shares = body.putArray("shares");
                shares.add(obj("lineId", "L1", "amount", "-5.00"));
                shares.add(obj("lineId", "L2", "amount", "5.00"));
                ObjectNode share = (ObjectNode) shares.get(r.nextInt(2));
                String field = r.nextBoolean() ? "lineId" : "amount";
                String broken = breakField(r, share, field, field.equals("lineId") ? Kind.LINE : Kind.MONEY);
                return new Template("transfer.shares." + field + "=" + broken, base + "/adjustments/transfer", body,
                        Map.of("documentNo", Kind.REQUIRED_TEXT, "reason", Kind.REQUIRED_TEXT, "effectiveDate",
                                Kind.DATE));
            }
            case 6:
                return new Template("withdrawal", base + "/withdrawals", obj("lineId", "L2", "amount", "1.00",
                        "documentNo", "收" + n, "reason", "收回", "effectiveDate", "2021-08-01"),
                        Map.of("lineId", Kind.LINE, "amount", Kind.POSITIVE_MONEY, "documentNo", Kind.REQUIRED_TEXT,
                                "reason", Kind.REQUIRED_TEXT, "effectiveDate", Kind.DATE));
            case 7:
                return new Template("budget-line", base + "/budget-lines", obj("lineId", "LN-" + n, "unit", "BJ",
                        "fundingSource", "GENERAL_PUBLIC_BUDGET", "kind", "BASIC_OPERATING", "functionalCode",
                        "2010101", "economicCode", "30201", "effectiveDate", "2021-01-01"),
                        Map.of("lineId", Kind.NEW_ID, "unit", Kind.NEW_ID, "fundingSource", Kind.ENUM, "kind",
                                Kind.ENUM, "functionalCode", Kind.FUNCTIONAL, "economicCode", Kind.ECONOMIC,
                                "effectiveDate", Kind.DATE));
            case 8: {
                ObjectNode body = obj("departmentId", "FZD-" + n, "name", "新部门", "jurisdiction", "广州市",
                        "effectiveDate", "2021-01-01");
                body.putArray("units").add(obj("code", "BJ", "name", "本级", "headOffice", true));
                return new Template("department", "/api/v1/departments", body,
                        Map.of("departmentId", Kind.NEW_ID, "name", Kind.REQUIRED_TEXT, "jurisdiction", Kind.TEXT,
                                "effectiveDate", Kind.ABSURD_DATE));
            }
            default:
                return new Template("execution-notice", base + "/execution-notices", obj("documentNo", "通报" + n,
                        "requiredProgress", "0.75", "publishedRate", "0.80", "noticeDate", "2021-09-30"),
                        Map.of("documentNo", Kind.REQUIRED_TEXT, "requiredProgress", Kind.DECIMAL, "publishedRate",
                                Kind.DECIMAL, "noticeDate", Kind.DATE));
        }
    }

    /** Replaces {@code field} with a value the ledger must refuse; returns a short description. */
    private String breakField(Random r, ObjectNode body, String field, Kind kind) {
        if (r.nextInt(12) == 0 && kind != Kind.TEXT) {
            if (r.nextBoolean()) {
                body.remove(field);
                return "<missing>";
            }
            body.putNull(field);
            return "null";
        }
        if (r.nextInt(12) == 0) {
            Object wrongType = pick(r, F.arrayNode().add(1), F.objectNode().put("x", 1), F.booleanNode(true));
            body.set(field, (JsonNode) wrongType);
            return "wrong-type";
        }
        JsonNode value = switch (kind) {
            case MONEY, POSITIVE_MONEY -> money(r, kind == Kind.POSITIVE_MONEY);
            case DECIMAL -> (JsonNode) pick(r, F.textNode("1e2"), F.textNode("abc"), F.textNode("0,75"),
                    F.numberNode(new java.math.BigDecimal("1E+400")), F.textNode(""), F.textNode("-0.5"),
                    F.textNode("75%"), F.textNode("NaN"));
            case DATE -> date(r);
            case ABSURD_DATE -> (JsonNode) pick(r, F.textNode("2021-13-01"), F.textNode("2021-02-30"),
                    F.textNode("+999999999-12-31"), F.textNode("0000-00-00"), F.numberNode(20210501), F.textNode(""),
                    F.textNode("2021-05-01T00:00:00Z"), F.textNode("五月一日"));
            case LINE -> (JsonNode) pick(r, F.textNode("L-UNKNOWN"), F.textNode("../../etc/passwd"), F.textNode(""),
                    F.textNode(HUGE), F.textNode("L1\u0000"), F.textNode("=cmd|' /C calc'!A0"), F.textNode("L 1"),
                    F.textNode("..\\..\\windows"), F.textNode("L9"));
            case VOUCHER -> (JsonNode) pick(r, F.textNode(""), F.textNode("记 0001"), F.textNode("x".repeat(65)),
                    F.textNode(HUGE), F.textNode("V\u0007"), F.textNode("=cmd|' /C calc'!A0"), F.textNode("\t"),
                    F.textNode("a\u202Eb c"), F.textNode("记-\u200B1"), F.textNode("记-1\u2066"),
                    F.textNode("V\uD8001"), F.textNode("记\u00A0-1"), F.textNode("\uFEFF记-1"));
            case TEXT, REQUIRED_TEXT -> text(r);
            case FUNCTIONAL -> (JsonNode) pick(r, F.textNode("2"), F.textNode("20"), F.textNode("2010"),
                    F.textNode("201010"), F.textNode("20101011"), F.textNode("2010A01"), F.textNode(""),
                    F.textNode("２０１０１０１"), F.textNode("-201010"), F.numberNode(2010));
            case ECONOMIC -> (JsonNode) pick(r, F.textNode("3"), F.textNode("30"), F.textNode("3020"),
                    F.textNode("302010"), F.textNode("3020101"), F.textNode("30A01"), F.textNode(""),
                    F.numberNode(3020));
            case ENUM -> (JsonNode) pick(r, F.textNode("UNKNOWN"), F.textNode(""), F.textNode("basic_operating"),
                    F.numberNode(99), F.textNode("=1+1"));
            case NEW_ID -> (JsonNode) pick(r, F.textNode("../../etc/passwd"), F.textNode(""), F.textNode(HUGE),
                    F.textNode("a b"), F.textNode("id\u0000"), F.textNode("=cmd|' /C calc'!A0"),
                    F.textNode("%2e%2e%2f"), F.textNode("长长的编号"), F.textNode("N\u200B1"), F.textNode("N\u202E1"));
        };
        body.set(field, value);
        String shown = value.isTextual() ? value.asText() : value.toString();
        return shown.length() > 30 ? shown.substring(0, 12) + "…(" + shown.length() + ")" : shown;
    }

    private static JsonNode money(Random r, boolean positive) {
        List<JsonNode> values = new ArrayList<>(List.of(F.textNode("12.345"), F.numberNode(
                new java.math.BigDecimal("12.345")), F.textNode("1e3"), F.textNode("1E+2"), F.numberNode(
                new java.math.BigDecimal("1E+3")), F.textNode("99999999999999999999999.00"), F.textNode(
                "1,000.00"), F.textNode("１２.００"), F.textNode(""), F.textNode("abc"), F.textNode("NaN"),
                F.textNode("Infinity"), F.textNode("0x10"), F.textNode("12.3.4"), F.textNode("￥12.00"),
                F.textNode("12.00元"), F.numberNode(new java.math.BigDecimal("1E+400")),
                F.textNode("=1+1"), F.textNode(HUGE)));
        if (positive) {
            values.addAll(List.of(F.textNode("-12.00"), F.numberNode(-1), F.textNode("0.00"), F.numberNode(0),
                    F.textNode("-0.01")));
        }
        return values.get(r.nextInt(values.size()));
    }

    private static JsonNode date(Random r) {
        return (JsonNode) pick(r, F.textNode("2021-13-01"), F.textNode("2021-02-30"), F.textNode("20210501"),
                F.textNode("2020-12-31"), F.textNode("2022-01-01"), F.textNode("9999-99-99"),
                F.numberNode(20210501), F.textNode(""), F.textNode("2021-5-1"), F.textNode("2021/05/01"),
                F.textNode("２０２１-05-01"), F.textNode("2021-05-01T00:00:00Z"), F.textNode("1900-01-01"),
                F.textNode("+999999999-12-31"), F.textNode("五月一日"));
    }

    private static JsonNode text(Random r) {
        return (JsonNode) pick(r, F.textNode(HUGE), F.textNode("摘要\u0000结束"), F.textNode("a\u001Bb"),
                F.textNode("=cmd|' /C calc'!A0"), F.textNode("+HYPERLINK(\"http://x\")"), F.textNode("@SUM(A1)"),
                F.textNode("-2+3+cmd|' /C calc'!A0"), F.textNode("\tleading tab"), F.textNode("x\u0085y"),
                F.textNode("\u0007bell"), F.textNode(" =HYPERLINK(\"http://x\",\"y\")"), F.textNode("\u3000＝1+1"),
                F.textNode("\u00A0@SUM(A1)"), F.textNode("退款\u202E2015"), F.textNode("摘要\u200B"),
                F.textNode("残缺\uDC00"));
    }

    private Case wholeBody(Random r, int n) {
        String valid = obj("voucherNo", "FZ-" + n, "lineId", "L1", "amount", "12.34", "effectiveDate",
                "2021-05-01").toString();
        String path = base + "/expenditures";
        return switch (r.nextInt(11)) {
            case 0 -> new Case("body:truncated", "POST", path, "application/json",
                    valid.substring(0, r.nextInt(valid.length() - 1)).getBytes(StandardCharsets.UTF_8), Map.of());
            case 1 -> new Case("body:root-type", "POST", path, "application/json",
                    ((String) pick(r, "[]", "\"x\"", "1", "null", "true", "[{}]")).getBytes(StandardCharsets.UTF_8),
                    Map.of());
            case 2 -> new Case("body:empty", "POST", path, "application/json", new byte[0], Map.of());
            case 3 -> new Case("body:invalid-utf8", "POST", path, "application/json",
                    concat(valid.substring(0, valid.length() - 1).getBytes(StandardCharsets.UTF_8),
                            new byte[] {',', '"', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                    Map.of());
            case 4 -> new Case("body:content-type", "POST", path,
                    (String) pick(r, "text/plain", "application/xml", "text/csv", null,
                            "application/x-www-form-urlencoded"),
                    valid.getBytes(StandardCharsets.UTF_8), Map.of());
            case 5 -> new Case("body:garbage", "POST", path, "application/json", randomBytes(r), Map.of());
            case 6 -> new Case("body:deep-nesting", "POST", path, "application/json",
                    ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8), Map.of());
            case 7 -> new Case("body:comments-and-trailing", "POST", path, "application/json",
                    (valid.replace("}", ",}") + " // x").getBytes(StandardCharsets.UTF_8), Map.of());
            // the first value passes a glance, the last one would be stored
            case 8 -> new Case("body:duplicate-name", "POST", path, "application/json", valid.replace("}",
                    (String) pick(r, ",\"amount\":\"999999.00\"}", ",\"lineId\":\"L2\"}", ",\"voucherNo\":\"FZ-x" + n + "\"}",
                            ",\"effectiveDate\":\"2021-12-31\"}")).getBytes(StandardCharsets.UTF_8), Map.of());
            case 9 -> new Case("body:trailing", "POST", path, "application/json", (valid + pick(r, " x", valid, " 1",
                    "]", "\u0000", "\n{}", " null")).getBytes(StandardCharsets.UTF_8), Map.of());
            default -> new Case("body:csv", "POST", path, "application/json",
                    "voucherNo,lineId,amount\nFZ,L1,=1+1\n".getBytes(StandardCharsets.UTF_8), Map.of());
        };
    }

    private Case hostilePath(Random r, int n) {
        String body = obj("voucherNo", "FZ-" + n, "lineId", "L1", "amount", "12.34", "effectiveDate", "2021-05-01")
                .toString();
        String target = (String) pick(r,
                "/api/v1/departments/NOPE-" + n + "/years/2021/expenditures",
                "/api/v1/departments/..%2F..%2Fetc%2Fpasswd/years/2021/expenditures",
                "/api/v1/departments/%2e%2e/years/2021/expenditures",
                "/api/v1/departments/" + dept + "/years/abc/expenditures",
                "/api/v1/departments/" + dept + "/years/99999999999/expenditures",
                "/api/v1/departments/" + dept + "/years/2020/expenditures",
                "/api/v1/departments/" + dept + "/years/-1/expenditures",
                "/api/v1/departments/" + dept + "/years/2021/expenditurez",
                "/api/v1/departments/%00/years/2021/expenditures",
                "/api/v1/departments/" + dept + "/years/2021/evaluation/indicators/NOPE/actuals",
                "/api/v1/departments/" + dept + "/years/2021/procurements/..%2F..%2Fx/contract",
                "/api/v1/departments/" + dept + "/years/2021/procurements/NOPE/filing",
                "/api/v1/rubrics/NOPE@1/retirement",
                "/api/v1/departments/" + "x".repeat(5000) + "/years/2021/expenditures",
                "/api/v1/departments/" + dept + "/years/2021/evaluation/judgement-scores/NOPE/withdrawal");
        return new Case("path:" + target.replace(dept, "{dept}").replaceAll("x{100,}", "x…"), "POST", target,
                "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private Case hostileHeaders(Random r, int n) {
        String body = obj("voucherNo", "FZ-" + n, "lineId", "L1", "amount", "12.345", "effectiveDate",
                "2021-05-01").toString();
        Map<String, String> headers = r.nextBoolean()
                ? Map.of("Idempotency-Key", (String) pick(r, "", "a b", "x".repeat(201), "../../etc", "键"))
                : Map.of("X-Correlation-Id", (String) pick(r, "x".repeat(5000), "a\u0007b", "<script>"),
                        "Accept", (String) pick(r, "application/json", "*/*", "application/problem+json"));
        return new Case("header:" + headers.keySet(), "POST", base + "/expenditures", "application/json",
                body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private Case hugeBatch(boolean tooMany, int n) {
        ObjectNode body = obj("batchId", "fz-huge-" + n);
        ArrayNode entries = body.putArray("entries");
        int size = tooMany ? 20_001 : 5_000;
        for (int i = 0; i < size; i++) {
            entries.add(obj("voucherNo", "H" + n + "-" + i, "lineId", "L1", "amount", "0.01", "effectiveDate",
                    "2021-06-01"));
        }
        if (!tooMany) {
            // the last entry is bad: all-or-nothing must leave nothing of the 4,999 good ones
            ((ObjectNode) entries.get(size - 1)).put("amount", "0.001");
        }
        return new Case("batch:huge(" + size + (tooMany ? ")" : ", last bad)"), "POST", base + "/expenditure-batches",
                "application/json", bytes(body), Map.of());
    }

    /** Well-formed requests the ledger's rules must refuse. */
    private Case semanticConflict(Random r, int n) {
        ObjectNode body;
        String path;
        String what;
        switch (r.nextInt(6)) {
            case 0 -> {
                what = "duplicate-voucher-other-payload";
                path = base + "/expenditures";
                body = obj("voucherNo", "V-1", "lineId", "L1", "amount", (String) pick(r, "1000.01", "999.99", "1.00"),
                        "effectiveDate", "2021-03-01", "payee", "某公司", "summary", "办公用品");
            }
            case 1 -> {
                what = "reversal-exceeding-original";
                path = base + "/reversals";
                body = obj("voucherNo", "R-" + n, "originalVoucherNo", "V-1", "amount",
                        (String) pick(r, "1000.01", "5000.00", "99999999.99"), "reason", "冲销", "effectiveDate",
                        "2021-06-01");
            }
            case 2 -> {
                what = "reversal-of-unknown-voucher";
                path = base + "/reversals";
                body = obj("voucherNo", "R-" + n, "originalVoucherNo", "NOPE-" + n, "amount", "1.00", "reason", "冲销",
                        "effectiveDate", "2021-06-01");
            }
            case 3 -> {
                what = "transfer-not-zero-sum";
                path = base + "/adjustments/transfer";
                body = obj("documentNo", "调" + n, "reason", "调剂", "effectiveDate", "2021-07-01");
                body.putArray("shares").add(obj("lineId", "L1", "amount", "-5.00"))
                        .add(obj("lineId", "L2", "amount", "5.01"));
            }
            case 4 -> {
                what = "decrease-beyond-available";
                path = base + "/adjustments/decrease";
                body = obj("lineId", "L2", "amount", "50000.01", "documentNo", "减" + n, "reason", "调减",
                        "effectiveDate", "2021-06-01");
            }
            default -> {
                what = "existing-line-id";
                path = base + "/budget-lines";
                body = obj("lineId", "L1", "unit", "BJ", "fundingSource", "GENERAL_PUBLIC_BUDGET", "kind",
                        "BASIC_OPERATING", "functionalCode", "2010101", "economicCode", "30201", "effectiveDate",
                        "2021-01-01");
            }
        }
        return new Case("rule:" + what, "POST", path, "application/json", bytes(body), Map.of());
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static ObjectNode obj(Object... pairs) {
        ObjectNode node = F.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value == null) {
                node.putNull((String) pairs[i]);
            } else if (value instanceof Boolean b) {
                node.put((String) pairs[i], b);
            } else {
                node.put((String) pairs[i], value.toString());
            }
        }
        return node;
    }

    private static Object pick(Random r, Object... values) {
        return values[r.nextInt(values.length)];
    }

    private static byte[] bytes(JsonNode node) {
        return escapeLoneSurrogates(node.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** UTF-8 cannot carry a lone surrogate (it would become '?'): JSON's {@code \\uD800} escape can. */
    private static String escapeLoneSurrogates(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1));
            if (paired) {
                out.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static byte[] randomBytes(Random r) {
        byte[] bytes = new byte[1 + r.nextInt(200)];
        r.nextBytes(bytes);
        bytes[0] = '{';
        return bytes;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
