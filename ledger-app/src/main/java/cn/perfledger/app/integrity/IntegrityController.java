package cn.perfledger.app.integrity;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.integrity.IntegrityDigests.DigestCheck;
import cn.perfledger.app.integrity.IntegrityDigests.DigestDocument;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence over HTTP: verify hash chains, export a department-year's digest, check a kept digest. */
@RestController
@Tag(name = "防篡改 integrity", description = """
        每条记录写入时在元数据中记录带密钥的哈希链：chainPrev（同一聚合上一条记录的链哈希，第 0 号为 64 个 0）、chainKey \
        （密钥编号）与 chainHash（对 chainKey、chainPrev、记录标识、聚合标识、序号、类型、载荷类型与版本、记录时间、\
        载荷字节的 SHA-256、去掉链哈希后的规范元数据的 SHA-256 按固定格式求 HMAC-SHA256，密钥保存在数据库之外）。\
        每条记录链另有带密钥的流头记录（最后序号与哈希，随每次写入在同一事务中更新）并定期封存，可发现删除末尾的记录\
        或整条记录链。校验直接读取账本的原始记录逐一重算，报告每条记录链的问题；摘要由审计方保存，用于日后核对。""")
public class IntegrityController {

    private final IntegrityVerifier verifier;
    private final IntegrityDigests digests;

    public IntegrityController(IntegrityVerifier verifier, IntegrityDigests digests) {
        this.verifier = verifier;
        this.digests = digests;
    }

    @GetMapping("/api/v1/departments/{dept}/years/{year}/integrity")
    @Operation(summary = "校验部门年度的记录链",
            description = "逐一重算预算台账（DEPT/YEAR）、自评（DEPT/YEAR/evaluation）、部门（DEPT）与该年度所用评价体系"
                    + "版本的记录的哈希链，并与带密钥的流头和封存记录核对，报告每条记录链的问题（记录的全局序号、标识、"
                    + "聚合、序号、类型与原因）。"
                    + "启用哈希链之前写入的记录记为未入链（UNCHAINED），不算断裂。")
    public IntegrityReport verifyYear(@PathVariable String dept, @PathVariable int year) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        IntegrityReport report = verifier.verifyFiscalYear(id);
        if (report.streams().get(0).eventCount() == 0 && report.intact()) {
            throw new NotFoundException("year", "部门年度不存在（尚未开立）: " + id);
        }
        return report;
    }

    @GetMapping("/api/v1/integrity")
    @Operation(summary = "校验整个账本（或一个聚合）的记录链",
            description = "不带参数时按聚合逐一校验全部记录链，结果只列出断裂或未入链的记录链（最多 "
                    + IntegrityVerifier.MAX_LISTED_STREAMS + " 个），合计数总是全部；带 aggregateId 时只校验该聚合。"
                    + "预计每 10 万条记录需 1–2 秒。")
    public IntegrityReport verifyStore(
            @Parameter(description = "只校验这个聚合，例如 GZ-ZSJ/2021 或 GZ-ZSJ/2021/evaluation")
            @RequestParam(required = false) String aggregateId) {
        if (aggregateId == null) {
            return verifier.verifyAll();
        }
        if (aggregateId.isBlank() || aggregateId.length() > 255) {
            throw new DomainException("aggregateId", "聚合标识不能为空，且不超过 255 个字符");
        }
        IntegrityReport report = verifier.verifyAggregate(aggregateId);
        if (report.streams().get(0).eventCount() == 0 && report.intact()) {
            throw new NotFoundException("aggregateId", "账本中没有这个聚合的记录: " + aggregateId);
        }
        return report;
    }

    @GetMapping("/api/v1/departments/{dept}/years/{year}/integrity/digest")
    @Operation(summary = "导出部门年度的记录链摘要",
            description = "返回 {fiscalYearId, streams:[{aggregateId, lastSequence, lastChainHash, eventCount}], exportedAt, "
                    + "digest}；digest 为 streams（按 aggregateId 排序、成员按键名排序、无空白的规范 JSON，"
                    + "UTF-8）的 SHA-256。导出前先校验；链已断裂时拒绝导出（409）。摘要不是签名，请保存在账本运维方无法改动之处。")
    public DigestDocument digest(@PathVariable String dept, @PathVariable int year) {
        return digests.export(FiscalYearId.of(dept, year));
    }

    @PostMapping("/api/v1/departments/{dept}/years/{year}/integrity/digest/check")
    @Operation(summary = "用保存的摘要核对账本",
            description = "MATCHES：每条记录链的最后哈希与记录数与摘要相同；EXTENDED：导出后追加了记录，但账本中的链"
                    + "仍在导出时的序号处经过摘要中的哈希；MISMATCH：不符（逐流说明原因）；DOCUMENT_ALTERED：摘要文件"
                    + "本身的 digest 与 streams 不符。")
    public DigestCheck check(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody DigestDocument document) {
        return digests.check(FiscalYearId.of(dept, year), document);
    }
}
