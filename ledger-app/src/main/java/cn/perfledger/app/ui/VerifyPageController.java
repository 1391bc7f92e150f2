package cn.perfledger.app.ui;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.projections.audit.EventTypeLabels;
import cn.perfledger.app.integrity.IntegrityDigests;
import cn.perfledger.app.integrity.IntegrityDigests.DigestCheck;
import cn.perfledger.app.integrity.IntegrityDigests.DigestDocument;
import cn.perfledger.app.integrity.IntegrityReport;
import cn.perfledger.app.integrity.IntegrityReport.ChainBreak;
import cn.perfledger.app.integrity.IntegrityVerifier;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.FiscalYearId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 完整性校验 of a department-year: its hash chains recomputed from the stored rows (result, events checked, the first
 * broken link of each stream named), its digest to keep outside the ledger, and an offline check of a kept digest.
 *
 * <p>The check is a GET with the pasted document as a parameter: it reads and changes nothing, so it is a safe
 * request (no form token needed once the UI is behind a login), and a check can be linked to like any other page.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}/verify")
public class VerifyPageController {

    /** A pasted digest document larger than this is not one (a real one is well under 1,000 characters). */
    static final int MAX_DOCUMENT = 8_000;

    /** One stream as verified. */
    public record StreamRow(String aggregateId, String streamLabel, String status, String statusLabel,
            long eventCount, long lastSequence, String lastChainHash, long unchainedEvents, BreakView firstBreak) {
    }

    /** The first broken link, in words. */
    public record BreakView(String kind, String kindLabel, String field, String rule, Long globalIndex,
            String eventType, String eventTypeLabel, String aggregateId, Long sequenceNumber, String recordedAt,
            Long missingFrom, Long missingTo, String expected, String found) {

        static BreakView of(ChainBreak b) {
            if (b == null) {
                return null;
            }
            IntegrityReport.EventRef e = b.event();
            return new BreakView(b.kind().name(), BREAK_LABELS.getOrDefault(b.kind().name(), b.kind().name()),
                    b.field(),
                    b.rule(), e == null ? null : e.globalIndex(), e == null ? null : e.type(),
                    e == null ? null : EventTypeLabels.label(e.type()), e == null ? null : e.aggregateId(),
                    e == null ? null : e.sequenceNumber(), e == null ? null : BasisForm.beijing(e.recordedAt()),
                    b.missingFrom(), b.missingTo(), b.expected(), b.found());
        }
    }

    /** One stream of a digest check. */
    public record CheckRow(String aggregateId, String status, String statusLabel, boolean fine, String field,
            String rule, Long exportedLastSequence, long storedLastSequence, long appended, BreakView firstBreak) {
    }

    static final Map<String, String> STREAM_LABELS = Map.of("INTACT", "完整", "UNCHAINED", "未入链（启用哈希链之前写入）",
            "PARTLY_UNCHAINED", "前段未入链，其后完整", "BROKEN", "断裂");
    static final Map<String, String> BREAK_LABELS = Map.ofEntries(Map.entry("HASH_MISMATCH", "哈希不符（内容、时间或标识被改动）"),
            Map.entry("SEQUENCE_GAP", "序号缺口（记录被删除）"), Map.entry("PREV_MISMATCH", "前链不符（上一条记录被替换或改后重算）"),
            Map.entry("REORDERED", "顺序被调换"), Map.entry("CHAIN_REMOVED", "链哈希被去除"),
            Map.entry("CHAIN_KEYS_DAMAGED", "链哈希损坏"), Map.entry("UNKNOWN_KEY", "密钥编号未配置（无法校验）"),
            Map.entry("UNKEYED_EVENT", "不带密钥的记录（绕过账本写入）"), Map.entry("HEAD_MISSING", "流头记录缺失"),
            Map.entry("HEAD_ALTERED", "流头记录被改动"), Map.entry("TRUNCATED", "末尾的记录被删除"),
            Map.entry("HEAD_ROLLED_BACK", "流头被换回旧值"), Map.entry("STREAM_DELETED", "整条记录链被删除"),
            Map.entry("SEAL_ALTERED", "封存记录被改动"), Map.entry("READ_MODEL_ALTERED", "读模型行被改动"));
    static final Map<String, String> CHECK_LABELS = Map.of("MATCHES", "✓ 与摘要完全一致", "EXTENDED",
            "✓ 与摘要一致，导出后追加了新记录", "MISMATCH", "✗ 账本与摘要不符", "DOCUMENT_ALTERED", "✗ 摘要文件本身被改动");
    static final Map<String, String> STREAM_CHECK_LABELS = Map.of("MATCHES", "一致", "EXTENDED", "一致（其后追加了记录）",
            "NEW_STREAM", "导出后新建（链完整）", "MISSING_STREAM", "记录链已不存在", "MISSING_EVENT", "导出时的最后记录已不存在",
            "HASH_DIFFERS", "链哈希不符", "COUNT_DIFFERS", "记录数不符", "BROKEN", "链已断裂");

    private final IntegrityVerifier verifier;
    private final IntegrityDigests digests;
    private final YearPages pages;
    private final ObjectMapper objectMapper;
    private final Validator validator;

    public VerifyPageController(IntegrityVerifier verifier, IntegrityDigests digests, YearPages pages,
            ObjectMapper objectMapper, Validator validator) {
        this.verifier = verifier;
        this.digests = digests;
        this.pages = pages;
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    @GetMapping
    public String verify(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) String digest, Model model) {
        FiscalYearId id = pages.require(dept, year);
        YearPages.YearHeader header = pages.header(id);
        // the pasted document is parsed first: a malformed one is the user's error, whatever the store says
        DigestDocument kept = digest == null || digest.isBlank() ? null : parse(digest);

        IntegrityReport report = verifier.verifyFiscalYear(id);
        model.addAttribute("pageTitle", "完整性校验");
        model.addAttribute("active", "verify");
        model.addAttribute("header", header);
        model.addAttribute("report", report);
        model.addAttribute("verifiedAt", BasisForm.beijing(report.verifiedAt()));
        model.addAttribute("streams", report.streams().stream().map(s -> new StreamRow(s.aggregateId(),
                s.aggregateId().endsWith("/evaluation") ? "自评" : "预算台账", s.status().name(),
                STREAM_LABELS.getOrDefault(s.status().name(), s.status().name()), s.eventCount(), s.lastSequence(),
                s.lastChainHash(), s.unchainedEvents(), BreakView.of(s.firstBreak()))).toList());
        model.addAttribute("firstBreak", report.streams().stream().map(s -> BreakView.of(s.firstBreak()))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null));
        try {
            DigestDocument document = digests.export(id);
            model.addAttribute("digest", document);
            model.addAttribute("digestJson",
                    objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            model.addAttribute("exportedAt", BasisForm.beijing(document.exportedAt()));
        } catch (ConflictException broken) {
            // a digest of a broken chain would vouch for tampered data: the service refuses, the page says why
            model.addAttribute("digestRefused", broken.rule());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        model.addAttribute("digestApi", "/api/v1/departments/" + dept + "/years/" + year + "/integrity/digest");
        model.addAttribute("pasted", digest == null ? "" : digest);
        if (kept != null) {
            DigestCheck check = digests.check(id, kept);
            model.addAttribute("check", check);
            model.addAttribute("checkLabel", CHECK_LABELS.getOrDefault(check.status().name(), check.status().name()));
            model.addAttribute("checkedAt", BasisForm.beijing(check.checkedAt()));
            model.addAttribute("checkRows", check.streams().stream().map(c -> new CheckRow(c.aggregateId(),
                    c.status().name(), STREAM_CHECK_LABELS.getOrDefault(c.status().name(), c.status().name()),
                    switch (c.status()) {
                        case MATCHES, EXTENDED, NEW_STREAM -> true;
                        default -> false;
                    }, c.field(), c.rule(), c.exportedLastSequence(), c.storedLastSequence(), c.eventsAppendedSince(),
                    BreakView.of(c.firstBreak()))).toList());
        }
        return "ui/verify";
    }

    /** The pasted text as a digest document, validated like the API's request body; errors name the field. */
    private DigestDocument parse(String text) {
        if (text.length() > MAX_DOCUMENT) {
            throw new DomainException("digest", "摘要文件过长（超过 " + MAX_DOCUMENT + " 个字符），请粘贴导出的摘要 JSON");
        }
        DigestDocument document;
        try {
            document = objectMapper.readValue(text.strip(), DigestDocument.class);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new DomainException("digest", "摘要文件应为导出的 JSON（含 fiscalYearId、streams、digest），"
                    + (at == null ? "无法解析" : "第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列附近无法解析")
                    + "或缺少必填项");
        }
        if (document == null) {
            throw new DomainException("digest", "摘要文件为空");
        }
        Set<ConstraintViolation<DigestDocument>> violations = validator.validate(document);
        if (!violations.isEmpty()) {
            ConstraintViolation<DigestDocument> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
            throw new DomainException("digest", "摘要文件的 " + first.getPropertyPath() + " " + first.getMessage());
        }
        return document;
    }
}
