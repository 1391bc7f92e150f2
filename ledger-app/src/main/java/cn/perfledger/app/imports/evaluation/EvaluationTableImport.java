package cn.perfledger.app.imports.evaluation;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.evaluation.SelfEvaluationEntries;
import cn.perfledger.app.eventlog.EventLogQuery;
import cn.perfledger.app.history.EventHistory;
import cn.perfledger.app.imports.evaluation.TableFile.Grid;
import cn.perfledger.app.imports.evaluation.TableLayout.Table;
import cn.perfledger.app.imports.evaluation.TableMapping.Mapping;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.EvaluationCommand.ImportEvaluationTable;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.ImportOutcome;
import cn.perfledger.domain.evaluation.RowsRefusedException;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.projections.basis.RecordedEvent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Imports a 自评表 into a department-year's evaluation: reads the file ({@link TableFile}), finds its rows
 * ({@link TableLayout}), maps them onto the rubric the year is evaluated under ({@link TableMapping}) and sends them as
 * one {@code ImportEvaluationTable} command, so that the evaluation aggregate holds every row to the rules of the
 * commands it stands for, all rows or none.
 *
 * <p>Every problem is reported at once: when the table itself has problems, the rows that could be mapped are still
 * checked by the aggregate ({@code validateOnly}, nothing recorded) and its refusals join the table's, each placed on
 * its cell. A file whose SHA-256 was imported before is a reported no-op.
 */
@Service
public class EvaluationTableImport {

    private final CommandDispatcher dispatcher;
    private final EventLogQuery eventLog;
    private final EventHistory history;

    public EvaluationTableImport(CommandDispatcher dispatcher, EventLogQuery eventLog, EventHistory history) {
        this.dispatcher = dispatcher;
        this.eventLog = eventLog;
        this.history = history;
    }

    /** What an upload asks: the file, the 评价基准日 it assesses, who scored it, and whether only to check it. */
    /**
     * {@code direction} is the 指标方向 the uploader gives for rows whose 指标性质 is blank and whose 年度指标值 states no
     * comparison (null: such rows are refused, never guessed); {@code layout} the id of the layout the file is in
     * (null: recognised from its header).
     */
    public record Upload(String fileName, byte[] content, LocalDate referenceDate, String evaluator, boolean dryRun,
            Direction direction, String layout) {

        public Upload(String fileName, byte[] content, LocalDate referenceDate, String evaluator, boolean dryRun) {
            this(fileName, content, referenceDate, evaluator, dryRun, null, null);
        }

        public Upload(String fileName, byte[] content, LocalDate referenceDate, String evaluator, boolean dryRun,
                Direction direction) {
            this(fileName, content, referenceDate, evaluator, dryRun, direction, null);
        }
    }

    /**
     * Imports (or with {@code dryRun} only checks) {@code upload} into {@code year}'s evaluation, sent with
     * {@code origin}'s user and correlation id. Throws {@link TableRejectedException} listing every problem when
     * anything is wrong; nothing is written then.
     */
    public ImportReport importTable(FiscalYearId year, Upload upload, CommandOrigin origin) {
        EvaluationId evaluation = new EvaluationId(year);
        RubricVersionId rubricVersion = rubricVersionOf(year, evaluation);
        RubricPublished rubric = published(rubricVersion);
        LocalDate referenceDate = upload.referenceDate() != null ? upload.referenceDate() : year.year().lastDay();
        String evaluator = upload.evaluator() == null || upload.evaluator().isBlank()
                ? SelfEvaluationEntries.DEFAULT_EVALUATOR : upload.evaluator().strip();
        String fileName = fileName(upload.fileName());
        String digest = sha256(upload.content());

        LayoutDefinition chosen = layout(upload.layout());
        List<Grid> grids = TableFile.read(upload.content());
        Table table = TableLayout.parse(grids, chosen);
        TableMapping mapping = TableMapping.of(table, rubric, evaluation, fileName, digest, referenceDate, evaluator,
                upload.direction());
        Mapping mapped = mapping.result();

        List<CellError> errors = new ArrayList<>(mapped.errors());
        ImportOutcome outcome = null;
        if (!mapped.rows().isEmpty()) {
            boolean validateOnly = upload.dryRun() || !errors.isEmpty();
            ImportEvaluationTable command = new ImportEvaluationTable(evaluation, rubricVersion, fileName, digest,
                    mapped.rows(), validateOnly, referenceDate);
            try {
                outcome = dispatcher.send(command, new CommandOrigin(ClientKind.IMPORT, origin.user(), origin.role(),
                        false, origin.correlationId()));
            } catch (RowsRefusedException refused) {
                refused.errors().forEach(error -> errors.add(mapping.locate(error)));
            } catch (DomainException refused) {
                throw requestField(refused);
            }
        } else if (errors.isEmpty()) {
            errors.add(CellError.file("表中没有可导入的行"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing((CellError e) -> e.row() == null ? 0 : e.row())
                    .thenComparing(e -> e.column() == null ? "" : e.column(),
                            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())));
            throw new TableRejectedException(errors);
        }
        return new ImportReport(year.toString(), fileName, table.format(), table.sheet(), table.layout().id(),
                table.layout().name(), digest,
                rubricVersion.value(), outcome.recorded(), outcome.alreadyImported(), upload.dryRun(), referenceDate,
                outcome.rows(), outcome.indicatorsDefined(), outcome.actualsRecorded(),
                outcome.judgementScoresEntered(), outcome.declaredFiguresRecorded(), outcome.explanationsRecorded(),
                outcome.unchanged(),
                outcome.alreadyImported() ? List.of() : mapped.notes(), origin.correlationId());
    }

    /** The layout a request names, refused listing the layouts known when there is no such layout. */
    static LayoutDefinition layout(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return LayoutCatalog.byId(id).orElseThrow(() -> new DomainException("layout", "没有样式「" + id.strip()
                + "」；已知的自评表样式：" + LayoutCatalog.described()));
    }

    /** The evaluation's own rubric once it has started, else the one the year was opened with. */
    private RubricVersionId rubricVersionOf(FiscalYearId year, EvaluationId evaluation) {
        String version = eventLog.payloadAt(evaluation.toString(), 0)
                .or(() -> eventLog.payloadAt(year.toString(), 0))
                .map(payload -> payload.get("rubricVersion"))
                .filter(node -> node != null && node.isTextual())
                .map(node -> node.asText())
                .orElseThrow(() -> new NotFoundException("year", "部门年度不存在（尚未开立）: " + year));
        return new RubricVersionId(version);
    }

    private RubricPublished published(RubricVersionId version) {
        for (RecordedEvent event : history.rubric(version)) {
            if (event.payload() instanceof RubricPublished published) {
                return published;
            }
        }
        throw new NotFoundException("rubricVersion", "该年度的评价体系版本 " + version + " 尚未发布：自评表各行要对应到评价体系的评分项，"
                + "须先发布评价体系（POST /api/v1/rubrics）");
    }

    /**
     * A refusal of the import as a whole names a request parameter where it is one: the effective date is the
     * {@code referenceDate}; the others (digest, file name, rubric version) concern the file.
     */
    private static DomainException requestField(DomainException refused) {
        String field = switch (refused.field()) {
            case "effectiveDate" -> "referenceDate";
            case "fileName", "digest", "rows" -> "file";
            default -> refused.field();
        };
        if (field.equals(refused.field())) {
            return refused;
        }
        return refused instanceof ConflictException ? new ConflictException(field, refused.rule())
                : new DomainException(field, refused.rule());
    }

    /**
     * The uploaded name without any path a browser sent with it, control characters or leading {@code = + - @} (it is
     * kept in events and reports that end up in spreadsheets); {@code 自评表} when nothing is left.
     */
    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "自评表";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
        String result = clean.toString().replaceFirst("^[=+\\-@\\s]+", "");
        if (result.isEmpty()) {
            return "自评表";
        }
        return result.length() <= 150 ? result : result.substring(0, 150);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
