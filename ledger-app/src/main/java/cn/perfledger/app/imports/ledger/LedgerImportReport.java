package cn.perfledger.app.imports.ledger;

import cn.perfledger.domain.common.CommandOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * What an accepted import did.
 *
 * @param importId                  the correlation id of this import's events; for a file imported before, the id of
 *                                  that earlier import
 * @param alreadyImported           the same file (same SHA-256) had been imported before: nothing was written
 * @param rowsByType                data rows per 记录类型
 * @param eventCount                events written for the rows (the import's own record not counted)
 * @param alreadyRecordedVoucherNos vouchers of the file recorded before with identical content, skipped
 * @param alreadyRecordedAdjustments adjustments (追加, 追减, 调剂) of the file recorded before with identical content,
 *                                  skipped; each named by its kind, 文号 and line(s), or its 调整编号
 */
@Schema(description = "导入结果")
public record LedgerImportReport(
        @Schema(description = "导入编号（本次导入写入记录的关联号；已导入过的文件为当时的导入编号）") String importId,
        @Schema(description = "同一文件（SHA-256 相同）已导入过，本次未写入任何记录") boolean alreadyImported,
        @Schema(description = "文件名") String fileName,
        @Schema(description = "文件格式", example = "XLSX") String format,
        @Schema(description = "读取的工作表（xlsx）") String sheetName,
        @Schema(description = "字符编码（csv）", example = "UTF-8") String charset,
        @Schema(description = "文件声明的金额单位", example = "万元") String unit,
        @Schema(description = "文件内容的 SHA-256") String sha256,
        @Schema(description = "数据行数") int rowCount,
        @Schema(description = "各记录类型的行数") Map<String, Integer> rowsByType,
        @Schema(description = "为各行写入的记录数") int eventCount,
        @Schema(description = "此前已以相同内容登记、本次跳过的凭证号") List<String> alreadyRecordedVoucherNos,
        @Schema(description = "此前已以相同内容登记、本次跳过的调整（记录类型、文号、预算行，或调整编号）",
                example = "[\"追加 穗财预〔2021〕88号 L1\"]") List<String> alreadyRecordedAdjustments)
        implements CommandOutcome {

    /** Events are recorded exactly when the rows wrote some (a file imported before writes none). */
    @Override
    public boolean eventsRecorded() {
        return eventCount > 0;
    }
}
