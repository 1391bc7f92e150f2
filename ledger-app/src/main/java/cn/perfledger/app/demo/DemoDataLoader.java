package cn.perfledger.app.demo;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.security.UserStore;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.app.evaluation.SelfEvaluationEntries;
import cn.perfledger.app.evaluation.SelfEvaluationEntries.IndicatorEntry;
import cn.perfledger.app.eventlog.EventLogQuery;
import cn.perfledger.app.json.LedgerJson;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.budget.BudgetCommand.ExpenditureEntry;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.domain.department.DepartmentCommand;
import cn.perfledger.domain.department.DepartmentEvent.Unit;
import cn.perfledger.domain.evaluation.BonusPenaltyEntryId;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.EvaluationCommand;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.app.query.SubmissionDigest;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.rubric.RubricDirectory;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import cn.perfledger.projections.scoring.ScoredTable;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Loads the seed years ({@link DemoScenario#RESOURCES}) and the rubric versions ({@code rubrics/*.json}) as
 * commands, through the same {@link CommandDispatcher} a user's request takes, so every rule of the ledger
 * applies to them. Generated vouchers and every element the seed does not print carry {@code synthetic=true}
 * in their events' metadata.
 *
 * <p>Idempotent per department-year: a year whose ledger already has events is left alone, so a restart
 * (or a second explicit load) writes nothing.
 */
@Service
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    /** Voucher days inside a month and the share of the month's amount each takes (the last takes the rest). */
    private static final int[] VOUCHER_DAYS = {6, 13, 20, 27};
    private static final BigDecimal[] VOUCHER_SHARES = {new BigDecimal("0.20"), new BigDecimal("0.30"),
            new BigDecimal("0.15")};

    private final UserStore users;
    private final CommandDispatcher dispatcher;
    private final EventLogQuery eventLog;
    private final YearQueries queries;
    private final Clock clock;
    private final RubricDirectory rubrics;
    private final ObjectMapper json = LedgerJson.newObjectMapper();
    private final Map<String, PublishRubric> rubricFiles = new LinkedHashMap<>();

    public DemoDataLoader(CommandDispatcher dispatcher, EventLogQuery eventLog, YearQueries queries, Clock clock,
            UserStore users, RubricDirectory rubrics) {
        this.users = users;
        this.rubrics = rubrics;
        this.dispatcher = dispatcher;
        this.eventLog = eventLog;
        this.queries = queries;
        this.clock = clock;
    }

    /** What a load did. */
    public record LoadReport(List<String> rubricsPublished, List<String> yearsLoaded, List<String> yearsSkipped) {
    }

    /** Creates the missing demo users, publishes the rubric files not yet published, loads the missing years. */
    public LoadReport loadAll() {
        DemoUsers.ensure(users);
        List<String> rubrics = publishRubrics();
        List<String> loaded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String resource : DemoScenario.RESOURCES) {
            DemoScenario scenario = read(resource);
            if (eventLog.exists(scenario.fiscalYearId())) {
                skipped.add(scenario.fiscalYearId().toString());
                continue;
            }
            load(scenario);
            loaded.add(scenario.fiscalYearId().toString());
        }
        log.info("Demo data: rubrics published {}, years loaded {}, already present {}", rubrics, loaded, skipped);
        return new LoadReport(rubrics, loaded, skipped);
    }

    public DemoScenario read(String resource) {
        try (InputStream in = DemoDataLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from the classpath: " + resource);
            }
            return json.readValue(in, DemoScenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo resource " + resource, e);
        }
    }

    /** Publishes the rubric files not published yet (each with the scope the file names); idempotent. */
    public List<String> publishRubrics() {
        List<String> published = new ArrayList<>();
        for (PublishRubric command : rubricFiles().values()) {
            if (eventLog.streamLength(command.rubricVersionId().toString()) > 0) {
                continue;
            }
            dispatcher.send(command, origin("rubric-" + command.rubricVersionId(), false));
            published.add(command.rubricVersionId().toString());
        }
        return published;
    }

    /** The rubric files on the classpath by version id, read once. */
    private synchronized Map<String, PublishRubric> rubricFiles() {
        if (!rubricFiles.isEmpty()) {
            return rubricFiles;
        }
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources("classpath*:rubrics/*.json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rubrics/*.json", e);
        }
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                PublishRubric command = json.readValue(in, PublishRubric.class);
                rubricFiles.put(command.rubricVersionId().value(), command);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rubric " + resource.getFilename(), e);
            }
        }
        return rubricFiles;
    }

    /** Replays one seed year as commands (the order of DemoScenario's loader contract). */
    public void load(DemoScenario s) {
        FiscalYearId year = s.fiscalYearId();
        String correlation = "demo-" + year;
        registerDepartment(s, correlation);

        List<UnitRef> units = s.department().units().stream()
                .map(u -> new UnitRef(new UnitCode(u.code()), u.name())).toList();
        requireUsableRubric(s, RubricDirectory.Use.OPEN_YEAR);
        send(new BudgetCommand.OpenFiscalYear(year, s.department().name(), units,
                new RubricVersionId(s.rubricVersion())), correlation, false);

        for (DemoScenario.BudgetLine line : s.budgetLines()) {
            BudgetLineId lineId = new BudgetLineId(line.id());
            send(new BudgetCommand.OpenBudgetLine(year, lineId, line.toSpec(), line.openedOn()), correlation,
                    line.synthetic());
            if (line.initial() != null) {
                send(new BudgetCommand.ApproveInitialBudget(year, lineId, s.money(line.initial().amount()),
                        line.initial().documentNo(), line.initial().effectiveDate()), correlation,
                        line.initial().synthetic());
            }
            if (line.carryIn() != null) {
                send(new BudgetCommand.RecordCarryIn(year, lineId, s.money(line.carryIn().amount()),
                        line.carryIn().kind()), correlation, line.carryIn().synthetic());
            }
        }

        for (int month = 1; month <= 12; month++) {
            applyAdjustments(s, month, correlation);
            recordVouchers(s, month, correlation);
            for (DemoScenario.ExecutionNotice notice : nullSafe(s.executionNotices())) {
                if (notice.noticeDate().getMonthValue() == month) {
                    send(new BudgetCommand.RecordExecutionNotice(year, notice.documentNo(), notice.requiredProgress(),
                            notice.publishedRate(), notice.noticeDate()), correlation, notice.synthetic());
                }
            }
        }

        for (DemoScenario.BudgetLine line : s.budgetLines()) {
            for (DemoScenario.Withdrawal withdrawal : nullSafe(line.withdrawals())) {
                send(new BudgetCommand.WithdrawAppropriation(year, new BudgetLineId(line.id()),
                        s.money(withdrawal.amount()), withdrawal.documentNo(), withdrawal.reason(),
                        withdrawal.effectiveDate(), null), correlation, withdrawal.synthetic());
            }
        }
        loadProcurement(s, correlation);
        if (s.fixedAssets() != null) {
            DemoScenario.FixedAssets assets = s.fixedAssets();
            send(new BudgetCommand.RecordFixedAssets(year, s.money(assets.originalValue()),
                    s.money(assets.inUseValue()), assets.effectiveDate()), correlation, assets.synthetic());
        }
        send(new BudgetCommand.CloseFiscalYear(year, s.carryOverKindOverrides()), correlation, false);
        loadEvaluation(s, correlation);
    }

    private void registerDepartment(DemoScenario s, String correlation) {
        DemoScenario.DepartmentSpec spec = s.department();
        DepartmentId id = new DepartmentId(spec.code());
        List<Unit> units = spec.units().stream()
                .map(u -> new Unit(new UnitCode(u.code()), u.name(), u.headOffice())).toList();
        if (eventLog.streamLength(id.toString()) == 0) {
            send(new DepartmentCommand.RegisterDepartment(id, spec.name(), spec.jurisdiction(), units,
                    spec.registeredOn()), correlation, false);
            return;
        }
        // a later year of a registered department: add the units the register does not have yet
        for (Unit unit : units) {
            try {
                send(new DepartmentCommand.AddUnit(id, unit, LocalDate.of(s.fiscalYear(), 1, 1)), correlation, false);
            } catch (ConflictException alreadyRegistered) {
                log.debug("unit {} of {} already registered", unit.code(), id);
            } catch (DomainException alreadyRegistered) {
                log.debug("unit {} of {} not added: {}", unit.code(), id, alreadyRegistered.getMessage());
            }
        }
    }

    private void applyAdjustments(DemoScenario s, int month, String correlation) {
        FiscalYearId year = s.fiscalYearId();
        for (DemoScenario.BudgetLine line : s.budgetLines()) {
            for (DemoScenario.Adjustment adjustment : nullSafe(line.adjustments())) {
                if (adjustment.effectiveDate().getMonthValue() != month) {
                    continue;
                }
                BudgetLineId lineId = new BudgetLineId(line.id());
                Money amount = s.money(adjustment.amount());
                Object command = adjustment.type() == DemoScenario.AdjustmentType.INCREASE
                        ? new BudgetCommand.IncreaseBudget(year, lineId, amount, adjustment.documentNo(),
                                adjustment.reason(), adjustment.effectiveDate(), null)
                        : new BudgetCommand.DecreaseBudget(year, lineId, amount, adjustment.documentNo(),
                                adjustment.reason(), adjustment.effectiveDate(), null);
                send(command, correlation, adjustment.synthetic());
            }
        }
        for (DemoScenario.Transfer transfer : nullSafe(s.transfers())) {
            if (transfer.effectiveDate().getMonthValue() != month) {
                continue;
            }
            List<LineShare> shares = transfer.shares().stream()
                    .map(share -> new LineShare(new BudgetLineId(share.lineId()), s.money(share.amount()))).toList();
            send(new BudgetCommand.TransferBudget(year, shares, transfer.documentNo(), transfer.reason(),
                    transfer.effectiveDate(), null), correlation, transfer.synthetic());
        }
    }

    /**
     * The seeds publish only yearly (and for a few lines monthly) totals, so each line-month's amount is spread
     * over up to four generated vouchers that sum to it exactly; all of them are marked synthetic.
     */
    private void recordVouchers(DemoScenario s, int month, String correlation) {
        YearMonth yearMonth = YearMonth.of(s.fiscalYear(), month);
        List<ExpenditureEntry> entries = new ArrayList<>();
        for (DemoScenario.BudgetLine line : s.budgetLines()) {
            List<BigDecimal> monthly = line.monthlyExecuted();
            if (monthly == null || monthly.isEmpty()) {
                continue;
            }
            Money amount = s.money(monthly.get(month - 1));
            if (amount.isZero()) {
                continue;
            }
            if (amount.isNegative()) {
                throw new IllegalStateException("demo line " + line.id() + " has a negative month " + month);
            }
            List<Money> parts = split(amount);
            for (int i = 0; i < parts.size(); i++) {
                int day = Math.min(VOUCHER_DAYS[4 - parts.size() + i], yearMonth.lengthOfMonth());
                LocalDate date = yearMonth.atDay(day);
                if (line.openedOn() != null && date.isBefore(line.openedOn())) {
                    date = line.openedOn(); // a line opened mid-month spends from its opening day on
                }
                String voucher = String.format("演示-%d%02d-%s-%d", s.fiscalYear(), month, line.id(), i + 1);
                entries.add(new ExpenditureEntry(new VoucherNo(voucher), new BudgetLineId(line.id()), parts.get(i),
                        date, "（演示数据）", truncate(line.label(), 200)));
            }
        }
        if (!entries.isEmpty()) {
            send(new BudgetCommand.RecordExpenditureBatch(s.fiscalYearId(),
                    String.format("demo-%s-%02d", s.fiscalYearId(), month), entries, null), correlation, true);
        }
    }

    /** Splits an amount into four parts (20%, 30%, 15%, rest) rounded down to the fen; small amounts stay whole. */
    static List<Money> split(Money amount) {
        if (amount.yuan().compareTo(new BigDecimal("100.00")) < 0) {
            return List.of(amount);
        }
        List<Money> parts = new ArrayList<>();
        Money rest = amount;
        for (BigDecimal share : VOUCHER_SHARES) {
            Money part = new Money(amount.yuan().multiply(share).setScale(2, RoundingMode.DOWN));
            parts.add(part);
            rest = rest.minus(part);
        }
        parts.add(rest);
        return parts;
    }

    private void loadProcurement(DemoScenario s, String correlation) {
        FiscalYearId year = s.fiscalYearId();
        for (DemoScenario.Procurement p : nullSafe(s.procurements())) {
            ProcurementId id = new ProcurementId(p.id());
            send(new BudgetCommand.PlanProcurement(year, id, p.name(), p.category(), s.money(p.planAmount()),
                    s.money(p.smeReserve()), p.plannedOn()), correlation, p.synthetic());
            for (DemoScenario.Contract contract : nullSafe(p.contracts())) {
                send(new BudgetCommand.SignProcurementContract(year, id, contract.contractNo(),
                        s.money(contract.amount()), contract.awardNoticeDate(), contract.signedDate()), correlation,
                        contract.synthetic());
                if (contract.filedDate() != null) {
                    send(new BudgetCommand.FileProcurementContract(year, id, contract.contractNo(),
                            contract.filedDate()), correlation, contract.synthetic());
                }
            }
            for (DemoScenario.ProcurementExecution execution : nullSafe(p.executions())) {
                send(new BudgetCommand.RecordProcurementExecution(year, id, s.money(execution.amount()),
                        s.money(execution.smeAwarded()), execution.effectiveDate()), correlation,
                        execution.synthetic());
            }
        }
    }

    private void loadEvaluation(DemoScenario s, String correlation) {
        DemoScenario.Evaluation evaluation = s.evaluation();
        if (evaluation == null) {
            return;
        }
        EvaluationId id = new EvaluationId(s.fiscalYearId());
        requireUsableRubric(s, RubricDirectory.Use.START_EVALUATION);
        send(new EvaluationCommand.StartEvaluation(id, new RubricVersionId(s.rubricVersion())), correlation, false);
        for (DemoScenario.Indicator indicator : nullSafe(evaluation.indicators())) {
            IndicatorEntry entry = new IndicatorEntry(new IndicatorId(indicator.id()), indicator.path(),
                    indicator.name(), indicator.weight(), indicator.targetText(),
                    Direction.fromText("direction", indicator.direction()), indicator.actualText(),
                    Grade.fromText("grade", indicator.grade()),
                    indicator.rubricItemCode() == null ? null : new RubricItemCode(indicator.rubricItemCode()));
            try {
                send(SelfEvaluationEntries.define(id, entry, indicator.definedOn()), correlation,
                        indicator.synthetic());
            } catch (DomainException refused) {
                // a target the ledger cannot measure (plain text without a figure) is reported, never guessed; the
                // demo goes on without it, where the 自评表 import refuses the row
                log.warn("Demo {}: indicator {} not defined: {}", s.fiscalYearId(), indicator.id(), refused.getMessage());
                continue;
            }
            EvaluationCommand.RecordActual actual = SelfEvaluationEntries.actual(id, entry,
                    assessedAt(s, indicator.actualRecordedOn()));
            if (actual != null) {
                try {
                    send(actual, correlation, indicator.synthetic());
                } catch (DomainException refused) {
                    log.warn("Demo {}: actual of {} not recorded: {}", s.fiscalYearId(), indicator.id(),
                            refused.getMessage());
                }
            }
        }
        // the rubric file says which items are judged; their printed scores are the evaluator's, the others are
        // what the ledger's score is compared with
        Set<String> judgementLeaves = judgementLeaves(s.rubricVersion());
        for (DemoScenario.PrintedScore printed : nullSafe(evaluation.printedScores())) {
            if (judgementLeaves != null && judgementLeaves.contains(printed.code()) && printed.score() != null) {
                send(SelfEvaluationEntries.judgement(id, new RubricItemCode(printed.code()), printed.score(),
                        printed.basis() == null ? "（种子未列示评分依据）" : printed.basis(), printed.evaluator(),
                        assessedAt(s, printed.scoredOn())), correlation, printed.synthetic());
            }
        }
        for (DemoScenario.BonusPenalty entry : nullSafe(evaluation.bonusPenalties())) {
            send(new EvaluationCommand.RecordBonusPenalty(id, new BonusPenaltyEntryId(entry.id()),
                    entry.kind() == DemoScenario.BonusKind.BONUS ? BonusPenaltyKind.BONUS : BonusPenaltyKind.PENALTY,
                    entry.points(), entry.reason(), entry.documentNo(), entry.effectiveDate()), correlation,
                    entry.synthetic());
        }
        submit(s, id, correlation);
        recordDeclaredFigures(s, id, correlation);
    }

    /**
     * Records the declared figures of the seed document, one {@code RecordDeclaredFigure} per check, effective on the
     * reference date (so the 12-31 basis sees them); figure ids are {@code document-figure#-check#}. A check whose
     * number is not in the printed text (and not marked as printed elsewhere) is a transcription error: refused loudly.
     */
    private void recordDeclaredFigures(DemoScenario s, EvaluationId id, String correlation) {
        List<DemoScenario.DeclaredFigure> figures = nullSafe(s.declaredFigures());
        LocalDate effective = assessedAt(s, null);
        for (int i = 0; i < figures.size(); i++) {
            DemoScenario.DeclaredFigure figure = figures.get(i);
            List<DemoScenario.DeclaredCheck> checks = nullSafe(figure.checks());
            for (int c = 0; c < checks.size(); c++) {
                DemoScenario.DeclaredCheck check = checks.get(c);
                if (!check.printedElsewhere() && !figure.printedValue().contains(check.printed())) {
                    throw new IllegalStateException("demo " + s.fiscalYearId() + " declared figure " + (i + 1) + ": «"
                            + check.printed() + "» is not in «" + figure.printedValue() + "»");
                }
                String item = check.label() == null ? figure.item() : figure.item() + " — " + check.label();
                send(new EvaluationCommand.RecordDeclaredFigure(id, String.format("%s-%02d-%d", figure.document(), i + 1, c + 1),
                        figure.document(), item, check.printed(), check.unit() != null ? check.unit() : figure.unitAsPrinted(),
                        check.ledgerFigure(), check.structure(), effective), correlation, false);
            }
        }
    }

    /**
     * Submits the table as the department saw it: scored at the reference date with everything recorded so far,
     * its digest stored with the declared total the document printed.
     */
    private void submit(DemoScenario s, EvaluationId id, String correlation) {
        DemoScenario.Submission submission = s.evaluation().submission();
        if (submission == null || judgementLeaves(s.rubricVersion()) == null) {
            return; // no scored table in the seed, or no rubric published for it
        }
        ScoredTable table = queries.evaluation(s.fiscalYearId(), submission.referenceDate(), clock.instant()).result();
        send(new EvaluationCommand.SubmitSelfEvaluation(id, submission.referenceDate(), SubmissionDigest.of(table),
                submission.declaredTotal(), submission.submittedBy(), assessedAt(s, submission.submittedOn())), correlation,
                submission.synthetic());
    }

    /** The seed's 评价基准日 (12-31 unless the file says otherwise); see {@link SelfEvaluationEntries#assessedAt}. */
    private static LocalDate assessedAt(DemoScenario s, LocalDate enteredOn) {
        LocalDate reference = s.evaluationReferenceDate() != null ? s.evaluationReferenceDate()
                : LocalDate.of(s.fiscalYear(), 12, 31);
        return SelfEvaluationEntries.assessedAt(reference, enteredOn);
    }

    /** The rubric file ({@code rubrics/*.json}) of a version, as the command that publishes it. */
    public Optional<PublishRubric> rubricFile(String rubricVersion) {
        return Optional.ofNullable(rubricFiles().get(rubricVersion));
    }

    /** The codes of the judgement leaves of a published rubric file, or null when there is no such file. */
    private Set<String> judgementLeaves(String rubricVersion) {
        return rubricFile(rubricVersion).map(rubric -> SelfEvaluationEntries.judgedItems(rubric.tree())).orElse(null);
    }

    /**
     * The rubric-use policy the API applies, for the seeds too. Seed 001 (海珠 2020, a 部门决算) prints no scored
     * table: its year names {@code haizhu-2020@1}, a version with no nodes that cannot be published, and is the
     * one year the loader opens without a published version (its figures need none; it is never scored).
     */
    private void requireUsableRubric(DemoScenario s, RubricDirectory.Use use) {
        if (!rubricFiles().containsKey(s.rubricVersion())) {
            log.info("Demo data: {} names {}, which its seed does not print; the year is not scored", s.fiscalYearId(),
                    s.rubricVersion());
            return;
        }
        rubrics.requireUsable("rubricVersion", new RubricVersionId(s.rubricVersion()), s.fiscalYearId(), use);
    }

    private void send(Object command, String correlation, boolean synthetic) {
        dispatcher.send(command, origin(correlation, synthetic));
    }

    private static CommandOrigin origin(String correlation, boolean synthetic) {
        return new CommandOrigin(ClientKind.DEMO, "demo-loader", "system", synthetic, correlation);
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
