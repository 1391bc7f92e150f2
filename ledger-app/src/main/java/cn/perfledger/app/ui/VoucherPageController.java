package cn.perfledger.app.ui;

import cn.perfledger.app.command.LedgerMetadata;
import cn.perfledger.app.integrity.IntegrityReport;
import cn.perfledger.app.integrity.IntegrityVerifier;
import cn.perfledger.app.ui.LedgerLines.LineView;
import cn.perfledger.app.ui.VoucherTrail.Trail;
import cn.perfledger.app.ui.VoucherTrail.TrailEvent;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 联查凭证: one voucher of a department-year — amount, its budget line with the names of everything it is made of,
 * payee, 摘要, who recorded it when and from which client — with its red-ink reversals and its corrections (and
 * theirs), the net amount they leave, and the chain status of the stream they are in. Given a basis (the page it was
 * opened from), each record says whether that basis admits it.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}/voucher")
public class VoucherPageController {

    /** One record of the voucher's trail. */
    public record VoucherRow(long globalSequence, String aggregateId, long sequenceNumber, String role,
            boolean reversal, boolean current, String voucherNo, String voucherHref, String typeLabel,
            String effectiveDate, String recordedAt, String recordedAtIso, Amount amount, LineView line,
            String payee, String summary, String reason, String batchId, String user, String userRole,
            String client, boolean synthetic, String postCloseReason, String refersTo, String refersToHref,
            String chainHash, String chainState, boolean chainTrusted, Boolean admitted) {
    }

    /** The chain status of the stream the voucher's records are in. */
    public record ChainView(String aggregateId, String statusLabel, boolean intact, long eventCount,
            String firstBreak, String verifyHref) {
    }

    private final VoucherTrail trails;
    private final LedgerLines lines;
    private final IntegrityVerifier verifier;
    private final YearPages pages;

    public VoucherPageController(VoucherTrail trails, LedgerLines lines, IntegrityVerifier verifier,
            YearPages pages) {
        this.trails = trails;
        this.lines = lines;
        this.verifier = verifier;
        this.pages = pages;
    }

    @GetMapping
    public String voucher(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) String voucherNo,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
            Model model) {
        FiscalYearId id = pages.require(dept, year);
        BasisForm form = BasisForm.parse(asOf, knownAt);
        if (voucherNo == null || voucherNo.isBlank()) {
            throw new DomainException("voucherNo", "请给出凭证号，例如 ?voucherNo=记-0001");
        }
        voucherNo = voucherNo.strip();
        Trail trail = trails.find(id, voucherNo);
        YearPages.YearHeader header = pages.header(id);
        Map<String, LineView> lineViews = lines.of(id);
        IntegrityReport report = verifier.verifyAggregate(id.toString());
        IntegrityReport.StreamResult stream = report.streams().isEmpty() ? null : report.streams().get(0);
        Long breakAt = stream == null || stream.firstBreak() == null || stream.firstBreak().event() == null ? null
                : stream.firstBreak().event().sequenceNumber();
        String basisQuery = basisQuery(form);

        List<VoucherRow> rows = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        for (TrailEvent event : trail.events()) {
            VoucherRow row = row(event, voucherNo, header.basePath(), basisQuery, lineViews, breakAt, form);
            rows.add(row);
            if (row.amount() != null) {
                net = net.add(row.amount().value());
            }
        }
        VoucherRow head = rows.stream().filter(r -> r.current() && !r.reversal()).findFirst()
                .orElseGet(() -> rows.stream().filter(VoucherRow::current).findFirst().orElseThrow());

        model.addAttribute("pageTitle", "联查凭证 · " + voucherNo);
        model.addAttribute("active", "events");
        model.addAttribute("header", header);
        model.addAttribute("voucherNo", voucherNo);
        model.addAttribute("head", head);
        model.addAttribute("rows", rows);
        model.addAttribute("net", Amount.of(net));
        model.addAttribute("hasTrail", rows.size() > 1);
        model.addAttribute("basisGiven", form.asOf() != null || form.knownAt() != null);
        model.addAttribute("form", form);
        model.addAttribute("basisKnownAt", form.knownAt() == null ? "当前" : BasisForm.beijing(form.knownAt()));
        model.addAttribute("chain", chain(report, stream, header.basePath()));
        model.addAttribute("timelineHref", UriComponentsBuilder.fromPath(header.basePath() + "/events")
                .queryParam("voucher", voucherNo).build().encode().toUriString());
        return "ui/voucher";
    }

    /** The href of a voucher's page: {@code /departments/GZ-ZSJ/years/2021/voucher?voucherNo=记-0001[&asOf=…]}. */
    public static String href(String basePath, String voucherNo, String basisQuery) {
        String href = UriComponentsBuilder.fromPath(basePath + "/voucher").queryParam("voucherNo", voucherNo).build()
                .encode().toUriString();
        return basisQuery == null || basisQuery.isEmpty() ? href : href + "&" + basisQuery;
    }

    private static VoucherRow row(TrailEvent event, String asked, String basePath, String basisQuery,
            Map<String, LineView> lineViews, Long breakAt, BasisForm form) {
        var payload = event.payload();
        var meta = event.metadata();
        String no = event.voucherNo();
        String refersTo = event.refersTo();
        boolean reversal = event.reversal();
        boolean current = asked.equals(no);
        String role = reversal ? "冲销（红字）" + (asked.equals(refersTo) ? "本凭证" : "凭证 " + refersTo)
                : refersTo != null ? "更正凭证（更正 " + refersTo + "）" : current ? "本凭证" : "原凭证";
        BigDecimal amount = amount(LedgerLines.text(payload, "amount"));
        if (reversal && amount != null) {
            // a reversal is booked as a positive amount that takes back: shown in red, as a negative
            amount = amount.negate();
        }
        LocalDate effective = date(LedgerLines.text(payload, "effectiveDate"));
        String recorded = event.row().timeStamp();
        String chainHash = LedgerLines.text(meta, "chainHash");
        boolean afterBreak = breakAt != null && event.row().sequenceNumber() >= breakAt;
        String chainState = afterBreak ? "在链的断裂处或其后：不可信" : chainHash == null ? "未入链（启用哈希链之前写入）"
                : "已入链，链完整至此";
        Boolean admitted = null;
        if (form.asOf() != null || form.knownAt() != null) {
            Instant at = recorded == null ? null : Instant.parse(recorded);
            admitted = (form.asOf() == null || effective == null || !effective.isAfter(form.asOf()))
                    && (form.knownAt() == null || at == null || !at.isAfter(form.knownAt()));
        }
        String lineId = LedgerLines.text(payload, "lineId");
        LineView line = lineId == null ? null : lineViews.getOrDefault(lineId, new LineView(lineId, null, null, "—",
                "—", null, null, null, null, null, null));
        return new VoucherRow(event.row().globalIndex(), event.row().aggregateIdentifier(),
                event.row().sequenceNumber(), role, reversal, current, no,
                current ? null : href(basePath, no, basisQuery), reversal ? "支出冲销" : "支出凭证",
                effective == null ? "—" : effective.toString(), BasisForm.beijing(recorded), recorded,
                Amount.of(amount), line, LedgerLines.text(payload, "payee"), LedgerLines.text(payload, "summary"),
                LedgerLines.text(payload, "reason"), LedgerLines.text(payload, "batchId"),
                LedgerLines.text(meta, LedgerMetadata.USER), roleLabel(LedgerLines.text(meta, LedgerMetadata.ROLE)),
                clientLabel(LedgerLines.text(meta, LedgerMetadata.CLIENT)),
                meta != null && meta.path(LedgerMetadata.SYNTHETIC).asBoolean(false),
                LedgerLines.text(payload, "postCloseReason"), refersTo,
                refersTo == null || asked.equals(refersTo) ? null : href(basePath, refersTo, basisQuery),
                chainHash == null ? null : chainHash.substring(0, Math.min(16, chainHash.length())), chainState,
                !afterBreak, admitted);
    }

    private static ChainView chain(IntegrityReport report, IntegrityReport.StreamResult stream, String basePath) {
        if (stream == null) {
            return new ChainView("—", "未找到记录链", false, 0, null, basePath + "/verify");
        }
        String status = VerifyPageController.STREAM_LABELS.getOrDefault(stream.status().name(), stream.status().name());
        String firstBreak = stream.firstBreak() == null ? null
                : VerifyPageController.BREAK_LABELS.getOrDefault(stream.firstBreak().kind().name(),
                        stream.firstBreak().kind().name()) + (stream.firstBreak().event() == null ? ""
                                : "，第 " + stream.firstBreak().event().sequenceNumber() + " 号记录");
        return new ChainView(stream.aggregateId(), status, report.intact(), stream.eventCount(), firstBreak,
                basePath + "/verify");
    }

    /** Client channels as the department says them. */
    static String clientLabel(String client) {
        if (client == null) {
            return "—";
        }
        return switch (client) {
            case "UI" -> "网页";
            case "API" -> "接口（API）";
            case "CLI" -> "命令行";
            case "IMPORT" -> "文件导入";
            case "DEMO" -> "演示数据装载";
            default -> client;
        };
    }

    static String roleLabel(String role) {
        if (role == null || role.isBlank() || "none".equals(role)) {
            return "—";
        }
        List<String> labels = new ArrayList<>();
        for (String one : role.split("[,\\s]+")) {
            labels.add(switch (one) {
                case "CLERK" -> "录入";
                case "EVALUATOR" -> "评价";
                case "AUDITOR" -> "审计";
                case "ADMIN" -> "管理";
                case "system" -> "系统";
                default -> one;
            });
        }
        return String.join("、", labels);
    }

    private static String basisQuery(BasisForm form) {
        StringBuilder query = new StringBuilder();
        if (form.asOf() != null) {
            query.append("asOf=").append(form.asOf());
        }
        if (form.knownAt() != null) {
            query.append(query.isEmpty() ? "" : "&").append("knownAt=").append(form.knownAt());
        }
        return query.toString();
    }

    private static BigDecimal amount(String text) {
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
