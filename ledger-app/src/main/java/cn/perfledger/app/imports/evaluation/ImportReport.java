package cn.perfledger.app.imports.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to an accepted 自评表 upload: which file (name, format, sheet, SHA-256), under which rubric version, what
 * was recorded — or, for a file imported before ({@code alreadyImported}) or a check ({@code dryRun}), that nothing
 * was — and notes the evaluator should read (items the table left out, 加减分 entries to record separately).
 */
@Schema(description = "自评表导入结果")
public record ImportReport(
        @Schema(example = "GZ-ZSJ/2021") String fiscalYearId,
        @Schema(description = "上传的文件名", example = "2021年度部门整体支出绩效自评表.xlsx") String fileName,
        @Schema(description = "文件格式：tsv（制表符分隔文本）或 xlsx", example = "xlsx") String format,
        @Schema(description = "读取的工作表（xlsx）", example = "自评表") String sheet,
        @Schema(description = "识别（或指定）的自评表样式", example = "national-2020") String layout,
        @Schema(description = "样式名称") String layoutName,
        @Schema(description = "文件的 SHA-256（同一文件再次导入不写入任何记录）") String digest,
        @Schema(example = "gz-municipal-2021@1") String rubricVersion,
        @Schema(description = "是否写入了记录") boolean recorded,
        @Schema(description = "该文件此前已导入，本次未写入任何记录") boolean alreadyImported,
        @Schema(description = "仅预检（dryRun=true），未写入任何记录") boolean dryRun,
        @Schema(description = "评价基准日：实际完成值、评分、申报数的业务日期", example = "2021-12-31") LocalDate referenceDate,
        @Schema(description = "导入的表格行数") int rows,
        @Schema(description = "新设定的绩效指标数") int indicatorsDefined,
        @Schema(description = "登记的实际完成值数") int actualsRecorded,
        @Schema(description = "录入的评价人评分数") int judgementScoresEntered,
        @Schema(description = "登记的申报数（表中所印得分、总分），供对账") int declaredFiguresRecorded,
        @Schema(description = "登记的计算项说明（表中计算得分项的评分依据、偏差原因）") int explanationsRecorded,
        @Schema(description = "账本中已与表中一致、未重复登记的条目数") int unchanged,
        @Schema(description = "提示（非错误）") List<String> notes,
        String correlationId) {
}
