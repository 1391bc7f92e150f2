package cn.perfledger.app.ui;

import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.common.FiscalYearId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The budget lines of a department-year with their names (unit, funding source, kind, project, classification
 * names), read from the year's {@code FiscalYearOpened} and {@code BudgetLineOpened} events, so that every page
 * can put the names beside a line code such as {@code L06}.
 */
@Component
public class LedgerLines {

    /** One budget line and the names of everything it is made of. */
    public record LineView(String lineId, String unitCode, String unitName, String source, String kind,
            String projectCode, String projectName, String functionalCode, String functionalPath,
            String economicCode, String economicPath) {

        /** "本级 · 一般公共预算 · 项目支出 · 政务云运维 · 2010150 事业运行 · 30227 委托业务费". */
        public String label() {
            StringBuilder text = new StringBuilder(unitName == null ? unitCode : unitName).append(" · ")
                    .append(source).append(" · ").append(kind);
            if (projectName != null) {
                text.append(" · ").append(projectName);
            }
            return text.append(" · ").append(ClassificationNames.functionalLabel(functionalCode)).append(" · ")
                    .append(ClassificationNames.economicLabel(economicCode)).toString();
        }

        /** "L06 本级 · …": the code beside its names. */
        public String codeAndLabel() {
            return lineId + " " + label();
        }
    }

    private final EventTable table;
    private final ObjectMapper json;

    public LedgerLines(EventTable table, ObjectMapper json) {
        this.table = table;
        this.json = json;
    }

    /** The year's lines by id, in the order they were opened. */
    public Map<String, LineView> of(FiscalYearId id) {
        Map<String, String> units = new HashMap<>();
        Map<String, JsonNode> specs = new LinkedHashMap<>();
        EventTable.LogFilter filter = new EventTable.LogFilter(List.of(id.toString()),
                List.of("FiscalYearOpened", "BudgetLineOpened"));
        table.payloads(filter, (globalIndex, payload) -> {
            JsonNode node = read(payload);
            if (node.has("spec")) {
                specs.put(node.path("lineId").asText(), node.get("spec"));
            } else {
                node.path("units").forEach(u -> units.put(u.path("code").asText(), u.path("name").asText()));
            }
        });
        Map<String, LineView> lines = new LinkedHashMap<>();
        specs.forEach((lineId, spec) -> lines.put(lineId, view(lineId, spec, units)));
        return lines;
    }

    /** Line id → "L06 本级 · …" for the pages that show a line code in a list of events. */
    public Map<String, String> labels(FiscalYearId id) {
        Map<String, String> labels = new LinkedHashMap<>();
        of(id).forEach((lineId, line) -> labels.put(lineId, line.label()));
        return labels;
    }

    private static LineView view(String lineId, JsonNode spec, Map<String, String> units) {
        String unit = text(spec, "unit");
        String functional = text(spec, "functionalCode");
        String economic = text(spec, "economicCode");
        return new LineView(lineId, unit, units.get(unit), sourceName(text(spec, "fundingSource")),
                kindName(text(spec, "kind")), text(spec, "projectCode"), text(spec, "projectName"), functional,
                ClassificationNames.functionalPath(functional), economic, ClassificationNames.economicPath(economic));
    }

    private static String sourceName(String code) {
        try {
            return code == null ? "—" : FundingSource.valueOf(code).chineseName();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static String kindName(String code) {
        try {
            return code == null ? "—" : ExpenditureKind.valueOf(code).chineseName();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private JsonNode read(byte[] payload) {
        try {
            return payload == null ? json.createObjectNode() : json.readTree(payload);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
