package cn.perfledger.app.backup;

import cn.perfledger.app.backup.EventImport.ImportReport;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Backup (export as JSON lines with a SHA-256 digest) and restore (import into an empty store). */
@RestController
@Tag(name = "备份与恢复 backup", description = "账本导出为 JSON Lines 文件（含 SHA-256 摘要），导入到空库")
public class BackupController {

    public static final String NDJSON = "application/x-ndjson";
    /** Response header of an export: INTACT or BROKEN (the chain verified over the exported events). */
    public static final String INTEGRITY_HEADER = "X-Ledger-Integrity";

    private final EventExport export;
    private final EventImport importer;

    public BackupController(EventExport export, EventImport importer) {
        this.export = export;
        this.importer = importer;
    }

    @GetMapping(value = "/api/v1/departments/{dept}/years/{year}/export", produces = NDJSON)
    @Operation(summary = "导出部门年度的记录（JSON Lines）",
            description = "第一行为文件头（格式、导出时间、年度、记录数、SHA-256 摘要），其后每行一条记录，按全局序号排列；"
                    + "包括部门、预算台账、自评和该年度所用评价体系版本的记录链。文件头的 integrity 与响应头 "
                    + INTEGRITY_HEADER + " 给出导出时逐一校验记录链的结果（BROKEN：账本被篡改），heads 为各记录链带密钥的流头。")
    public void exportYear(@PathVariable String dept, @PathVariable int year, HttpServletResponse response)
            throws IOException {
        FiscalYearId id = FiscalYearId.of(dept, year);
        export.streamsOf(id); // 404 as Problem Details before anything is streamed
        try (EventExport.Prepared file = export.prepareYear(id)) {
            send(response, dept + "-" + year + "-events.jsonl", file);
        }
    }

    @GetMapping(value = "/api/v1/export", produces = NDJSON)
    @Operation(summary = "导出整个账本（JSON Lines）")
    public void exportAll(HttpServletResponse response) throws IOException {
        try (EventExport.Prepared file = export.prepareAll()) {
            send(response, "ledger-events.jsonl", file);
        }
    }

    /** The file, with the chain's status in the {@value #INTEGRITY_HEADER} header (also in the file's header). */
    private static void send(HttpServletResponse response, String filename, EventExport.Prepared file)
            throws IOException {
        attachment(response, filename);
        response.setHeader(INTEGRITY_HEADER, file.integrity().status().name());
        try (OutputStream out = response.getOutputStream()) {
            file.transferTo(out);
        }
    }

    @PostMapping(value = "/api/v1/import", consumes = NDJSON)
    @Operation(summary = "从导出文件恢复（导入到空库）",
            description = "先校验文件头、记录数、SHA-256 摘要、各记录链序号，并用本系统的密钥校验每条记录链的带密钥哈希链与文件头"
                    + "中的流头（不符时拒绝并指出第一处有问题的行；启用带密钥哈希链之前的旧备份须加 acceptLegacy=true），"
                    + "再在一个事务中写入全部记录（全部或全不）；"
                    + "同一文件再次导入（全部记录已以相同字节存在）不写入任何记录，返回 200 与 alreadyPresent=true；"
                    + "目标库已存在其中部分记录链或不同内容时返回 409。保留记录标识、序号、时间戳与原始字节；全局序号由目标库重新分配。")
    public ResponseEntity<ImportReport> importNdjson(HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean acceptLegacy) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return answer(importer.importFrom(in, acceptLegacy));
        }
    }

    @PostMapping(value = "/api/v1/import", consumes = "multipart/form-data")
    @Operation(summary = "从导出文件恢复（multipart，文件字段名 file）")
    public ResponseEntity<ImportReport> importMultipart(@RequestPart(value = "file", required = false)
            MultipartFile file, @RequestParam(defaultValue = "false") boolean acceptLegacy) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new DomainException("file", "缺少导出文件（multipart 字段名 file）");
        }
        try (InputStream in = file.getInputStream()) {
            return answer(importer.importFrom(in, acceptLegacy));
        }
    }

    /** 201 when events were written, 200 when the file had been imported before (nothing written). */
    private static ResponseEntity<ImportReport> answer(ImportReport report) {
        return ResponseEntity.status(report.alreadyPresent() ? HttpStatus.OK : HttpStatus.CREATED).body(report);
    }

    private static void attachment(HttpServletResponse response, String filename) {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
    }
}
