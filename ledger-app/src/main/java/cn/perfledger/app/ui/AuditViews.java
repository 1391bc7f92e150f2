package cn.perfledger.app.ui;

import cn.perfledger.projections.audit.EventTypeLabels;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.projections.audit.AuditEvent;
import cn.perfledger.projections.evaluation.Display;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the audit pages (lineage, why, shortfall, submissions) show of the projections' audit results: events with
 * the timeline's Chinese type names, money in both units, scores as the form prints them, and the links between
 * the pages carrying their basis.
 */
public final class AuditViews {

    /** The pseudo item code of the total, as the audit API names it. */
    public static final String TOTAL = "TOTAL";

    /** Event types whose "amount" is points (a judgement score, bonus/penalty points, a declared total), not money. */
    private static final Set<String> POINT_TYPES = Set.of("JudgementScoreEntered", "JudgementScoreWithdrawn",
            "BonusPenaltyRecorded", "SelfEvaluationSubmitted");

    /** Event types whose reference is a voucher number (联查凭证 opens the voucher page). */
    private static final Set<String> VOUCHER_TYPES = Set.of("ExpenditureRecorded", "ExpenditureReversed");

    private AuditViews() {
    }

    /** An event as a row: money as {@link Amount}, points as text; the recorded time in Beijing time. */
    public record EventView(long globalSequence, String type, String typeLabel, String effectiveDate,
            String recordedAt, String recordedAtIso, String reference, Amount money, String points, String subject,
            String voucherNo) {

        public static EventView of(AuditEvent event) {
            boolean points = POINT_TYPES.contains(event.type());
            return new EventView(event.globalSequence(), event.type(), EventTypeLabels.label(event.type()),
                    event.effectiveDate() == null ? "—" : event.effectiveDate().toString(),
                    BasisForm.beijing(event.recordedAt()),
                    event.recordedAt() == null ? null : event.recordedAt().toString(),
                    event.reference(), points ? null : Amount.of(event.amount()),
                    points && event.amount() != null ? Display.number(event.amount()) + " 分" : null, event.subject(),
                    VOUCHER_TYPES.contains(event.type()) ? event.reference() : null);
        }
    }

    /** Whether an amount of this event type is points rather than money. */
    public static boolean pointsType(String type) {
        return POINT_TYPES.contains(type);
    }

    /** A score delta as an auditor reads it: "+0.38", "−0.5", "0" (true minus sign, no trailing zeros). */
    public static String signed(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        if (value.signum() == 0) {
            return "0";
        }
        return (value.signum() > 0 ? "+" : "−") + Display.number(value.abs());
    }

    /** A score or weight as the form prints it (2.94, 3, 49.7); null → "—". */
    public static String number(BigDecimal value) {
        return EvaluationTable.number(value);
    }

    /** A score for a chart; six decimals so that an unrounded score's change (0.0015) still shows. */
    static double chartValue(BigDecimal value) {
        return value == null ? 0 : value.setScale(6, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * An item code from the path. A rubric item code is at most 64 letters, digits, '.', '-', '_' or '@' starting
     * with a letter or digit ({@code RubricItemCode}; e.g. {@code E.KPI-09}): anything else cannot be an item, so 404.
     */
    public static String itemCode(String code) {
        if (code == null || code.length() > 64 || !code.matches("[A-Za-z0-9][A-Za-z0-9._@\\-]*")) {
            throw new NotFoundException("item", "评价表中没有评分项「" + abbreviate(code) + "」");
        }
        return TOTAL.equalsIgnoreCase(code) ? TOTAL : code;
    }

    /** The path of an item's page: {@code /departments/GZ-ZSJ/years/2021/evaluation/items/E.KPI-09[/why]}. */
    public static String itemPath(String basePath, String code, String suffix) {
        return UriComponentsBuilder.fromPath(basePath + "/evaluation/items/").path(code).path(suffix).build()
                .encode().toUriString();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
