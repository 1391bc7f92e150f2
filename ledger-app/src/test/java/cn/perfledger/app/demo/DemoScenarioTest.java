package cn.perfledger.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.perfledger.app.demo.DemoScenario.BudgetLine;
import cn.perfledger.app.demo.DemoScenario.Contract;
import cn.perfledger.app.demo.DemoScenario.DeclaredCategory;
import cn.perfledger.app.demo.DemoScenario.DeclaredFigure;
import cn.perfledger.app.demo.DemoScenario.ExecutionNotice;
import cn.perfledger.app.demo.DemoScenario.Indicator;
import cn.perfledger.app.demo.DemoScenario.IndicatorGroup;
import cn.perfledger.app.demo.DemoScenario.PrintedScore;
import cn.perfledger.app.demo.DemoScenario.Procurement;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.demo.DemoScenario.Share;
import cn.perfledger.app.demo.DemoScenario.Transfer;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.budget.ProcurementCategory;
import cn.perfledger.domain.common.AmountUnit;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule.BonusPenalty;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.ScoredTable;
import java.time.Instant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Checks the transcription of the four seed documents (not the ledger): every file parses into
 * {@link DemoScenario}, its lines reproduce the totals the documents state, each line's carry identity holds,
 * adjustments net as stated, the printed scores add up on the tree of the year's rubric file, and every synthetic
 * element explains itself. The printed scores of derived items are then checked through the ledger's one path: the
 * year loaded through the command path, scored by {@code ScoringEngine} with the rubric file (the one encoding of a
 * rubric). The expected figures below are typed from the seed documents (DOMAIN.md §7) independently of the JSON
 * files.
 */
@SpringBootTest
class DemoScenarioTest implements H2FileContext {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final Set<String> THREE_PUBLIC = Set.of("30212", "31013", "30231", "30217");
    /** The only JSON fields that may hold numbers; every amount, rate, weight and score is a string. */
    private static final Set<String> NUMERIC_FIELDS = Set.of("fiscalYear", "printedCount");

    @Autowired
    DemoDataLoader loader;
    @Autowired
    YearQueries queries;

    @BeforeEach
    void demoYearsLoaded() {
        loader.loadAll(); // idempotent: years already in the store are skipped
    }

    static List<String> resources() {
        return DemoScenario.RESOURCES;
    }

    private static DemoScenario load(String resource) {
        try (InputStream in = stream(resource)) {
            return MAPPER.readValue(in, DemoScenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static JsonNode tree(String resource) {
        try (InputStream in = stream(resource)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = DemoScenarioTest.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        return in;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    // ------------------------------------------------------------------------------------------- line figures

    /** The waterfall of a set of lines in the file's unit. */
    private record Sum(BigDecimal initial, BigDecimal adjustments, BigDecimal fullYear, BigDecimal carryIn,
            BigDecimal withdrawn, BigDecimal executed, BigDecimal carryOut) {
    }

    private static BigDecimal transfersOf(DemoScenario s, String lineId, LocalDate upTo) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Transfer t : s.transfers()) {
            if (upTo == null || !t.effectiveDate().isAfter(upTo)) {
                for (Share share : t.shares()) {
                    if (share.lineId().equals(lineId)) {
                        sum = sum.add(share.amount());
                    }
                }
            }
        }
        return sum;
    }

    private static BigDecimal initialOf(BudgetLine line) {
        return line.initial() == null ? BigDecimal.ZERO : line.initial().amount();
    }

    private static BigDecimal adjustmentsOf(DemoScenario s, BudgetLine line) {
        return line.adjustments().stream().map(DemoScenario.Adjustment::signedAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).add(transfersOf(s, line.id(), null));
    }

    private static Sum sum(DemoScenario s, Predicate<BudgetLine> filter) {
        BigDecimal initial = BigDecimal.ZERO, adjustments = BigDecimal.ZERO, carryIn = BigDecimal.ZERO;
        BigDecimal withdrawn = BigDecimal.ZERO, executed = BigDecimal.ZERO, carryOut = BigDecimal.ZERO;
        for (BudgetLine line : s.budgetLines()) {
            if (!filter.test(line)) {
                continue;
            }
            initial = initial.add(initialOf(line));
            adjustments = adjustments.add(adjustmentsOf(s, line));
            carryIn = carryIn.add(line.carryIn() == null ? BigDecimal.ZERO : line.carryIn().amount());
            withdrawn = withdrawn.add(line.withdrawals().stream().map(DemoScenario.Withdrawal::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            executed = executed.add(line.executed());
            carryOut = carryOut.add(line.expectedCarryOut());
        }
        return new Sum(initial, adjustments, initial.add(adjustments), carryIn, withdrawn, executed, carryOut);
    }

    private static Predicate<BudgetLine> all() {
        return line -> true;
    }

    private static Predicate<BudgetLine> basic() {
        return line -> line.kind() != ExpenditureKind.PROJECT;
    }

    private static Predicate<BudgetLine> project() {
        return line -> line.kind() == ExpenditureKind.PROJECT;
    }

    private static Predicate<BudgetLine> kind(ExpenditureKind kind) {
        return line -> line.kind() == kind;
    }

    private static Predicate<BudgetLine> threePublic() {
        return line -> THREE_PUBLIC.contains(line.economicCode());
    }

    private static Predicate<BudgetLine> economic(String code) {
        return line -> line.economicCode().equals(code);
    }

    private static Predicate<BudgetLine> source(FundingSource source) {
        return line -> line.fundingSource() == source;
    }

    /** 机关运行经费: the 公用经费 of 行政 units. */
    private static Predicate<BudgetLine> administrativeOperating(DemoScenario s) {
        Set<String> administrative = new HashSet<>();
        s.department().units().stream().filter(DemoScenario.UnitSpec::administrative)
                .forEach(unit -> administrative.add(unit.code()));
        return line -> line.kind() == ExpenditureKind.BASIC_OPERATING && administrative.contains(line.unit());
    }

    private static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
        return numerator.multiply(BigDecimal.valueOf(100)).divide(denominator, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal available(DemoScenario s, BudgetLine line, LocalDate upTo) {
        BigDecimal available = line.carryIn() == null ? BigDecimal.ZERO : line.carryIn().amount();
        if (line.initial() != null && !line.initial().effectiveDate().isAfter(upTo)) {
            available = available.add(line.initial().amount());
        }
        for (DemoScenario.Adjustment adjustment : line.adjustments()) {
            if (!adjustment.effectiveDate().isAfter(upTo)) {
                available = available.add(adjustment.signedAmount());
            }
        }
        return available.add(transfersOf(s, line.id(), upTo));
    }

    private static LocalDate monthEnd(int year, int month) {
        return YearMonth.of(year, month).atEndOfMonth();
    }

    // ------------------------------------------------------------------------------------------- every file

    @ParameterizedTest
    @MethodSource("resources")
    void parsesStrictlyAndNamesItsFormatUnitAndYear(String resource) {
        DemoScenario s = load(resource);
        assertThat(s.format()).isEqualTo(DemoScenario.FORMAT);
        assertThat(s.unit()).isNotNull();
        assertThat(s.source().seedFile()).matches("00[0-3]_[0-9a-f]{16}\\.txt");
        assertThat(s.fiscalYearId().toString()).isEqualTo(s.department().code() + "/" + s.fiscalYear());
        assertThatCode(() -> new RubricVersionId(s.rubricVersion())).doesNotThrowAnyException();
        if (!s.evaluation().printedScores().isEmpty()) {
            assertThat(loader.rubricFile(s.rubricVersion())).as("rubric file of %s", s.rubricVersion()).isPresent();
        }
        assertThat(s.evaluationReferenceDate()).isEqualTo(LocalDate.of(s.fiscalYear(), 12, 31));
        assertThat(s.department().units().stream().filter(DemoScenario.UnitSpec::headOffice)).hasSize(1);
        s.department().units().forEach(unit -> new UnitCode(unit.code()));
    }

    @ParameterizedTest
    @MethodSource("resources")
    void writesEveryAmountRateWeightAndScoreAsAString(String resource) {
        List<String> offenders = new ArrayList<>();
        walk(tree(resource), "$", null, offenders);
        assertThat(offenders).as("numbers outside " + NUMERIC_FIELDS).isEmpty();
    }

    private static void walk(JsonNode node, String path, String field, List<String> offenders) {
        if (node.isNumber() && !NUMERIC_FIELDS.contains(field) && !path.contains("countsBySubcategory")) {
            offenders.add(path);
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                walk(entry.getValue(), path + "." + entry.getKey(), entry.getKey(), offenders);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", field, offenders);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void everySyntheticElementCarriesANote(String resource) {
        List<String> silent = new ArrayList<>();
        findSilentSynthetic(tree(resource), "$", silent);
        assertThat(silent).isEmpty();
    }

    private static void findSilentSynthetic(JsonNode node, String path, List<String> silent) {
        if (node.isObject()) {
            if (node.path("synthetic").asBoolean(false) && node.path("note").asText("").isBlank()) {
                silent.add(path);
            }
            node.fields().forEachRemaining(e -> findSilentSynthetic(e.getValue(), path + "." + e.getKey(), silent));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findSilentSynthetic(node.get(i), path + "[" + i + "]", silent);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void amountsConvertExactlyAndKeepTheDocumentsTwoDecimals(String resource) {
        DemoScenario s = load(resource);
        List<BigDecimal> amounts = new ArrayList<>();
        for (BudgetLine line : s.budgetLines()) {
            if (line.initial() != null) {
                amounts.add(line.initial().amount());
            }
            line.adjustments().forEach(a -> amounts.add(a.amount()));
            line.withdrawals().forEach(w -> amounts.add(w.amount()));
            if (line.carryIn() != null) {
                amounts.add(line.carryIn().amount());
            }
            amounts.add(line.executed());
            amounts.add(line.expectedCarryOut());
            amounts.addAll(line.monthlyExecuted());
        }
        s.transfers().forEach(t -> t.shares().forEach(share -> amounts.add(share.amount())));
        for (Procurement p : s.procurements()) {
            amounts.add(p.planAmount());
            amounts.add(p.smeReserve());
            p.contracts().forEach(c -> amounts.add(c.amount()));
            p.executions().forEach(e -> {
                amounts.add(e.amount());
                amounts.add(e.smeAwarded());
            });
        }
        if (s.fixedAssets() != null) {
            amounts.add(s.fixedAssets().originalValue());
            amounts.add(s.fixedAssets().inUseValue());
        }
        for (BigDecimal amount : amounts) {
            assertThat(amount.scale()).as("amount %s", amount).isEqualTo(2);
            Money money = s.money(amount);
            assertThat(s.unit().fromYuan(money.yuan())).isEqualByComparingTo(amount);
        }
        if (s.unit() == AmountUnit.WAN_YUAN) {
            assertThat(s.money(d("5454.98"))).isEqualTo(Money.of("54549800.00"));
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void linesAreValidDomainSpecsWithDistinctIdsAndSpecs(String resource) {
        DemoScenario s = load(resource);
        Set<String> units = new HashSet<>();
        s.department().units().forEach(unit -> units.add(unit.code()));
        Set<String> ids = new HashSet<>();
        Set<BudgetLineSpec> specs = new HashSet<>();
        for (BudgetLine line : s.budgetLines()) {
            new BudgetLineId(line.id());
            assertThat(ids.add(line.id())).as("duplicate line id %s", line.id()).isTrue();
            assertThat(units).as(line.id()).contains(line.unit());
            assertThat(specs.add(line.toSpec())).as("duplicate spec %s", line.id()).isTrue();
            assertThat(line.openedOn().getYear()).isEqualTo(s.fiscalYear());
            if (line.initial() != null) {
                assertThat(line.initial().amount()).isPositive();
                assertThat(line.initial().documentNo()).isNotBlank();
                assertThat(line.openedOn()).isBeforeOrEqualTo(line.initial().effectiveDate());
            }
            for (DemoScenario.Adjustment adjustment : line.adjustments()) {
                assertThat(adjustment.amount()).isPositive();
                assertThat(adjustment.documentNo()).isNotBlank();
                assertThat(adjustment.reason()).isNotBlank();
                assertThat(adjustment.effectiveDate().getYear()).isEqualTo(s.fiscalYear());
            }
            for (DemoScenario.Withdrawal withdrawal : line.withdrawals()) {
                assertThat(withdrawal.amount()).isPositive();
                assertThat(withdrawal.reason()).isNotBlank();
                assertThat(withdrawal.effectiveDate()).isEqualTo(LocalDate.of(s.fiscalYear(), 12, 31));
            }
            assertThat(line.label()).isNotBlank();
            assertThat(line.seedRef()).isNotBlank();
            assertThat(BudgetLine.SPEC_FIELDS).as(line.id()).containsAll(line.inferredFields());
            if (line.synthetic() || !line.inferredFields().isEmpty()) {
                assertThat(line.note()).as(line.id()).isNotBlank();
            }
        }
    }

    /** carry-in + initial + adjustments (incl. transfers) − withdrawn − executed = carry-out, per line. */
    @ParameterizedTest
    @MethodSource("resources")
    void everyLineSatisfiesTheCarryIdentityAndIsNeverOverspent(String resource) {
        DemoScenario s = load(resource);
        for (BudgetLine line : s.budgetLines()) {
            Sum one = sum(s, l -> l == line);
            assertThat(one.carryIn().add(one.fullYear()).subtract(one.withdrawn()).subtract(one.executed()))
                    .as("carry identity of %s", line.id()).isEqualByComparingTo(line.expectedCarryOut());
            assertThat(line.expectedCarryOut().signum()).isNotNegative();
            assertThat(line.monthlyExecuted()).as(line.id()).hasSize(12);
            BigDecimal cumulative = BigDecimal.ZERO;
            for (int month = 1; month <= 12; month++) {
                BigDecimal amount = line.monthlyExecuted().get(month - 1);
                assertThat(amount.signum()).as("%s month %d", line.id(), month).isNotNegative();
                cumulative = cumulative.add(amount);
                assertThat(cumulative).as("%s spent by the end of month %d", line.id(), month)
                        .isLessThanOrEqualTo(available(s, line, monthEnd(s.fiscalYear(), month)));
            }
            assertThat(cumulative).as("monthly profile of %s", line.id()).isEqualByComparingTo(line.executed());
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void transfersNetToZeroBetweenKnownLinesWithinTheYear(String resource) {
        DemoScenario s = load(resource);
        Set<String> ids = new HashSet<>();
        s.budgetLines().forEach(line -> ids.add(line.id()));
        for (Transfer transfer : s.transfers()) {
            assertThat(transfer.shares()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(transfer.shares().stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(transfer.id()).isZero();
            transfer.shares().forEach(share -> assertThat(ids).contains(share.lineId()));
            assertThat(transfer.effectiveDate().getYear()).isEqualTo(s.fiscalYear());
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void procurementIsConsistent(String resource) {
        DemoScenario s = load(resource);
        Set<String> ids = new HashSet<>();
        Set<String> contractNos = new HashSet<>();
        for (Procurement p : s.procurements()) {
            new ProcurementId(p.id());
            assertThat(ids.add(p.id())).isTrue();
            assertThat(p.smeReserve()).isLessThanOrEqualTo(p.planAmount());
            for (Contract c : p.contracts()) {
                assertThat(contractNos.add(c.contractNo())).isTrue();
                assertThat(c.awardNoticeDate()).isBeforeOrEqualTo(c.signedDate());
                assertThat(c.signedDate().getYear()).isEqualTo(s.fiscalYear());
                if (c.filedDate() != null) {
                    assertThat(c.filedDate()).isAfterOrEqualTo(c.signedDate())
                            .isBeforeOrEqualTo(LocalDate.of(s.fiscalYear() + 1, 3, 31));
                }
            }
            p.executions().forEach(e -> assertThat(e.smeAwarded()).isLessThanOrEqualTo(e.amount()));
        }
    }

    @ParameterizedTest
    @MethodSource("resources")
    void rubricTreeAddsUpAndPrintedScoresSumToTheTotal(String resource) {
        DemoScenario s = load(resource);
        Map<String, PrintedScore> printed = new LinkedHashMap<>();
        for (PrintedScore score : s.evaluation().printedScores()) {
            new RubricItemCode(score.code());
            assertThat(printed.put(score.code(), score)).as("duplicate %s", score.code()).isNull();
        }
        if (printed.isEmpty()) {
            assertThat(s.evaluation().submission()).as("a year without a scored table submits nothing").isNull();
            return;
        }
        PublishRubric rubric = loader.rubricFile(s.rubricVersion()).orElseThrow();
        Map<String, RubricNode> byCode = new LinkedHashMap<>();
        rubric.tree().forEach(top -> top.flatten().forEach(node -> byCode.put(node.code().value(), node)));
        assertThat(byCode).as("printed items are items of the rubric file").containsKeys(printed.keySet().toArray(String[]::new));
        BigDecimal leafScores = BigDecimal.ZERO;
        for (RubricNode node : byCode.values()) {
            String code = node.code().value();
            if (node.leaf()) {
                PrintedScore score = printed.get(code);
                assertThat(score).as(code).isNotNull();
                assertThat(score.score()).as(code).isNotNull();
                assertThat(score.basis()).as(code).isNotBlank();
                assertThat(score.evaluator()).isEqualTo("自评小组");
                if (!(node.rule() instanceof BonusPenalty)) {
                    assertThat(score.score()).as(code).isBetween(BigDecimal.ZERO, node.weight());
                }
                leafScores = leafScores.add(score.score());
            } else {
                assertThat(node.children().stream().map(RubricNode::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .as("children of %s", code).isEqualByComparingTo(node.weight());
                if (printed.containsKey(code) && printed.get(code).score() != null) {
                    assertThat(childScores(node, printed)).as("printed score of %s", code)
                            .isEqualByComparingTo(printed.get(code).score());
                }
            }
        }
        assertThat(rubric.tree().stream().map(RubricNode::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(rubric.totalWeight());
        assertThat(rubric.totalWeight()).isEqualByComparingTo("100");
        assertThat(leafScores).isEqualByComparingTo(EXPECTED_COMPUTED_TOTAL.get(resource));
        assertThat(s.evaluation().submission().declaredTotal()).isEqualByComparingTo(EXPECTED_DECLARED_TOTAL.get(resource));
        for (Indicator indicator : s.evaluation().indicators()) {
            new IndicatorId(indicator.id());
            if (indicator.rubricItemCode() != null) {
                assertThat(byCode).as(indicator.id()).containsKey(indicator.rubricItemCode());
            }
        }
        Set<String> indicatorIds = new HashSet<>();
        s.evaluation().indicators().forEach(i -> indicatorIds.add(i.id()));
        for (RubricNode node : byCode.values()) {
            if (node.input() instanceof IndicatorInput input && input.indicatorId() != null) {
                assertThat(indicatorIds).as(node.code().value()).contains(input.indicatorId().value());
            }
        }
    }

    private static final Map<String, String> EXPECTED_COMPUTED_TOTAL = Map.of(
            "demo/gz-municipal-2021.json", "94.35", "demo/haizhu-2023.json", "96.8", "demo/panyu-2023.json", "94.4");
    private static final Map<String, String> EXPECTED_DECLARED_TOTAL = Map.of(
            "demo/gz-municipal-2021.json", "94.65", "demo/haizhu-2023.json", "96.8", "demo/panyu-2023.json", "94.4");

    /** A group's printed children, a child group without a printed score counting as the sum of its own. */
    private static BigDecimal childScores(RubricNode group, Map<String, PrintedScore> printed) {
        BigDecimal sum = BigDecimal.ZERO;
        for (RubricNode child : group.children()) {
            PrintedScore score = printed.get(child.code().value());
            sum = sum.add(score != null && score.score() != null ? score.score() : childScores(child, printed));
        }
        return sum;
    }

    /**
     * Every derived item's printed score (a leaf the evaluator does not score, or a group) is what the ledger's one
     * scoring path gives: the year as the loader recorded it, replayed at its 评价基准日 as the department knew it
     * when it submitted, scored by the rubric file.
     */
    @ParameterizedTest
    @MethodSource("resources")
    void derivedRulesReproduceThePrintedScores(String resource) {
        DemoScenario s = load(resource);
        if (s.evaluation().printedScores().isEmpty()) {
            return;
        }
        Set<String> judged = new HashSet<>();
        loader.rubricFile(s.rubricVersion()).orElseThrow().tree().forEach(top -> top.leaves().stream()
                .filter(RubricNode::judged).forEach(leaf -> judged.add(leaf.code().value())));
        ScoredTable table = queries.evaluation(s.fiscalYearId(), s.evaluationReferenceDate(), Instant.now()).result();
        int compared = 0;
        for (PrintedScore printed : s.evaluation().printedScores()) {
            if (printed.score() == null || judged.contains(printed.code())) {
                continue;
            }
            ScoredItem item = table.find(printed.code()).orElseThrow();
            assertThat(item.score()).as("%s %s", printed.code(), item.name()).isEqualByComparingTo(printed.score());
            compared++;
        }
        assertThat(compared).as("derived items compared").isPositive();
        assertThat(table.total()).isEqualByComparingTo(EXPECTED_COMPUTED_TOTAL.get(resource));
    }

    private static Indicator indicator(DemoScenario s, String id) {
        return s.evaluation().indicators().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static final int SCALE = 12;

    private static List<Contract> contracts(DemoScenario s) {
        return s.procurements().stream().flatMap(p -> p.contracts().stream()).toList();
    }

    /** Filed within {@code days} working days of signing (weekends skipped; the synthetic dates avoid holidays). */
    private static boolean filedWithin(Contract c, int days) {
        if (c.filedDate() == null) {
            return false;
        }
        int working = 0;
        for (LocalDate d = c.signedDate().plusDays(1); !d.isAfter(c.filedDate()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                working++;
            }
        }
        return working <= days;
    }

    private static BigDecimal procurementPlanned(DemoScenario s) {
        return s.procurements().stream().map(Procurement::planAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal procurementExecuted(DemoScenario s) {
        return s.procurements().stream().flatMap(p -> p.executions().stream())
                .map(DemoScenario.ProcurementExecution::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal smeReserved(DemoScenario s) {
        return s.procurements().stream().map(Procurement::smeReserve).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal smeAwarded(DemoScenario s) {
        return s.procurements().stream().flatMap(p -> p.executions().stream())
                .map(DemoScenario.ProcurementExecution::smeAwarded).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal procurementOf(DemoScenario s, ProcurementCategory category) {
        return s.procurements().stream().filter(p -> p.category() == category).flatMap(p -> p.executions().stream())
                .map(DemoScenario.ProcurementExecution::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertSum(Sum sum, String fullYear, String executed) {
        assertThat(sum.fullYear()).as("full-year").isEqualByComparingTo(fullYear);
        assertThat(sum.executed()).as("executed").isEqualByComparingTo(executed);
    }

    private static DeclaredFigure declared(DemoScenario s, String printedFragment) {
        return s.declaredFigures().stream().filter(f -> f.printedValue().contains(printedFragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no declared figure printed as " + printedFragment));
    }

    // ------------------------------------------------------------------------------------------- seed 002

    @Test
    void gzMunicipal2021_reproducesTheTableHeaderCostAndProcurementFigures() {
        DemoScenario s = load("demo/gz-municipal-2021.json");
        assertThat(s.unit()).isEqualTo(AmountUnit.YUAN);
        assertThat(s.department().units()).hasSize(4);
        Sum fiscal = sum(s, l -> l.fundingSource().isFiscalAppropriation());
        assertSum(fiscal, "392951003.55", "392533097.08");
        assertThat(percent(fiscal.executed(), fiscal.fullYear())).isEqualByComparingTo("99.89");
        assertSum(sum(s, basic()), "91154209.43", "91153658.24");
        assertSum(sum(s, project()), "301796794.12", "301379438.84");
        assertThat(percent(sum(s, project()).executed(), sum(s, project()).fullYear())).isEqualByComparingTo("99.86");
        assertSum(sum(s, kind(ExpenditureKind.BASIC_OPERATING)), "8643534.98", "8642983.79");
        assertThat(percent(d("8642983.79"), d("8643534.98"))).isEqualByComparingTo("99.99");
        Sum three = sum(s, threePublic());
        assertThat(three.initial()).isEqualByComparingTo("810000.00");
        assertThat(three.executed()).isEqualByComparingTo("359334.66");
        assertThat(percent(three.executed(), three.initial())).isEqualByComparingTo("44.36");
        assertThat(fiscal.carryIn()).isEqualByComparingTo("4122.00");
        assertThat(fiscal.carryOut()).isEqualByComparingTo("4122.00");
        assertThat(fiscal.withdrawn()).as("unspent 417,906.47 withdrawn, the 4,122 carried on")
                .isEqualByComparingTo("417906.47");
        BigDecimal revenue = fiscal.executed().add(fiscal.carryOut()).subtract(fiscal.carryIn());
        assertThat(percent(revenue.subtract(fiscal.fullYear()).abs(), fiscal.fullYear())).isEqualByComparingTo("0.11");
        assertThat(procurementPlanned(s)).isEqualByComparingTo("190800467.90");
        assertThat(procurementExecuted(s)).isEqualByComparingTo("169725206.40");
        assertThat(percent(procurementExecuted(s), procurementPlanned(s))).isEqualByComparingTo("88.95");
        assertThat(s.fixedAssets().inUseValue()).isLessThan(s.fixedAssets().originalValue());
        assertThat(percent(s.fixedAssets().inUseValue(), s.fixedAssets().originalValue())).isEqualByComparingTo("99.72");
        assertThat(s.carryOverKindOverrides()).isEmpty();
    }

    @Test
    void gzMunicipal2021_nineSyntheticNoticesSumTo941_41PercentAndMatchTheMonthlyProfile() {
        DemoScenario s = load("demo/gz-municipal-2021.json");
        List<ExecutionNotice> notices = s.executionNotices();
        assertThat(notices).hasSize(9).allMatch(ExecutionNotice::synthetic);
        BigDecimal total = notices.stream().map(ExecutionNotice::publishedRate).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo("9.4141");
        assertThat(total.divide(BigDecimal.valueOf(9), 4, RoundingMode.HALF_UP)).isEqualByComparingTo("1.0460");
        Predicate<BudgetLine> general = source(FundingSource.GENERAL_PUBLIC_BUDGET);
        for (ExecutionNotice notice : notices) {
            assertThat(notice.requiredProgress()).isPositive().isLessThanOrEqualTo(BigDecimal.ONE);
            int month = notice.noticeDate().getMonthValue();
            assertThat(notice.noticeDate()).isEqualTo(monthEnd(s.fiscalYear(), month));
            BigDecimal executed = BigDecimal.ZERO;
            BigDecimal budget = BigDecimal.ZERO;
            for (BudgetLine line : s.budgetLines()) {
                if (!general.test(line)) {
                    continue;
                }
                for (int m = 1; m <= month; m++) {
                    executed = executed.add(line.monthlyExecuted().get(m - 1));
                }
                budget = budget.add(available(s, line, notice.noticeDate()))
                        .subtract(line.carryIn() == null ? BigDecimal.ZERO : line.carryIn().amount());
            }
            BigDecimal ledgerRate = executed.divide(budget, SCALE, RoundingMode.HALF_EVEN)
                    .divide(notice.requiredProgress(), 4, RoundingMode.HALF_UP);
            assertThat(ledgerRate).as("progress rate at %s", notice.noticeDate())
                    .isEqualByComparingTo(notice.publishedRate());
        }
    }

    @Test
    void gzMunicipal2021_hasSeventeenKeyIndicatorsSixteenMet() {
        DemoScenario s = load("demo/gz-municipal-2021.json");
        List<Indicator> indicators = s.evaluation().indicators();
        assertThat(indicators).hasSize(17);
        assertThat(indicators.stream().filter(i -> Boolean.TRUE.equals(i.met()))).hasSize(16);
        assertThat(indicators.stream().filter(i -> i.weight().compareTo(d("2.94")) == 0)).hasSize(16);
        Indicator pickup = indicators.stream().filter(i -> i.weight().compareTo(d("2.96")) == 0).findFirst().orElseThrow();
        assertThat(pickup.met()).isFalse();
        assertThat(pickup.targetText()).isEqualTo("二、2、≥95%");
        assertThat(pickup.actualText()).isEqualTo("94.07%");
        assertThat(pickup.printedScore()).isEqualByComparingTo("2.66");
        assertThat(indicators.stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("50.00");
        PublishRubric rubric = loader.rubricFile(s.rubricVersion()).orElseThrow();
        assertThat(rubric.bonusCap()).isEqualByComparingTo("5");
        BonusPenalty bonusRule = rubric.tree().stream().flatMap(top -> top.leaves().stream())
                .map(RubricNode::rule).filter(BonusPenalty.class::isInstance).map(BonusPenalty.class::cast)
                .findFirst().orElseThrow();
        assertThat(bonusRule.penaltyCap()).isEqualByComparingTo("5");
        assertThat(s.evaluation().bonusPenalties()).singleElement()
                .satisfies(bp -> assertThat(bp.points()).isEqualByComparingTo(bonusRule.pointsPerBonus()));
        Set<String> management = new HashSet<>();
        rubric.tree().stream().filter(top -> top.code().value().equals("M"))
                .forEach(top -> top.leaves().forEach(leaf -> management.add(leaf.code().value())));
        assertThat(s.evaluation().printedScores().stream().filter(p -> management.contains(p.code()))
                .map(PrintedScore::score).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("管理效能").isEqualByComparingTo("42.15");
    }

    // ------------------------------------------------------------------------------------------- seed 000

    @Test
    void haizhu2023_reproducesSourcesFullExecutionAndCosts() {
        DemoScenario s = load("demo/haizhu-2023.json");
        assertThat(s.unit()).isEqualTo(AmountUnit.WAN_YUAN);
        Sum all = sum(s, all());
        assertSum(all, "9377.98", "9377.98");
        assertThat(all.carryOut()).isZero();
        assertThat(all.withdrawn()).isZero();
        assertSum(sum(s, source(FundingSource.GENERAL_PUBLIC_BUDGET)), "5454.98", "5454.98");
        assertSum(sum(s, source(FundingSource.GOVERNMENT_FUND)), "3923.00", "3923.00");
        assertThat(sum(s, kind(ExpenditureKind.BASIC_OPERATING)).executed()).isEqualByComparingTo("160.63");
        assertThat(sum(s, threePublic()).executed()).isEqualByComparingTo("2.42");
        assertThat(smeReserved(s)).isEqualByComparingTo("3754.11");
        assertThat(smeAwarded(s)).isEqualByComparingTo("3754.11");
        assertThat(s.executionNotices()).singleElement().satisfies(n -> {
            assertThat(n.noticeDate()).isEqualTo(LocalDate.of(2023, 12, 31));
            assertThat(n.publishedRate()).isEqualByComparingTo("1");
        });
    }

    @Test
    void haizhu2023_contractsGiveSigningRateInNinetyToHundredAndLateFilingsUnderBothRules() {
        DemoScenario s = load("demo/haizhu-2023.json");
        List<Contract> contracts = contracts(s);
        assertThat(contracts).hasSize(12);
        // the ledger's own rate, replayed from the contracts as the loader recorded them
        BigDecimal signing = new LedgerMetrics(queries.fold(s.fiscalYearId(),
                new Basis(s.evaluationReferenceDate(), Instant.now())).ledger()).contractSigningTimelinessRate();
        assertThat(signing).isGreaterThanOrEqualTo(d("0.9")).isLessThan(BigDecimal.ONE);
        BigDecimal signedAmount = contracts.stream().map(Contract::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal timelyAmount = contracts.stream().filter(c -> !c.signedDate().isAfter(c.awardNoticeDate().plusDays(30)))
                .map(Contract::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal byAmount = timelyAmount.divide(signedAmount, SCALE, RoundingMode.HALF_EVEN);
        assertThat(byAmount).as("also by amount").isGreaterThanOrEqualTo(d("0.9")).isLessThan(BigDecimal.ONE);
        for (Contract c : contracts) {
            assertThat(filedWithin(c, 2)).as("%s: 2 and 7 working days agree", c.contractNo()).isEqualTo(filedWithin(c, 7));
            assertThat(c.signedDate().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
        assertThat(contracts.stream().filter(c -> !filedWithin(c, 7)).count()).isBetween(1L, 11L);
    }

    @Test
    void haizhu2023_has33IndicatorsWithTheirPrintedCompletionRates() {
        DemoScenario s = load("demo/haizhu-2023.json");
        List<Indicator> indicators = s.evaluation().indicators();
        assertThat(indicators).hasSize(33).allMatch(i -> i.printedCompletionRate() != null && Boolean.TRUE.equals(i.met()));
        for (IndicatorGroup group : s.evaluation().indicatorGroups()) {
            List<Indicator> members = indicators.stream().filter(i -> group.rubricItemCode().equals(i.rubricItemCode())).toList();
            assertThat(members).hasSize(group.printedCount());
            assertThat(group.countsBySubcategory().values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(group.printedCount());
            group.countsBySubcategory().forEach((sub, count) ->
                    assertThat(members.stream().filter(i -> i.path().get(2).equals(sub))).as(sub).hasSize(count));
        }
        assertThat(s.evaluation().indicatorGroups()).extracting(IndicatorGroup::printedCount).containsExactly(22, 11);
        assertThat(indicators).anyMatch(i -> i.printedCompletionRate().equals("146%"));
    }

    // ------------------------------------------------------------------------------------------- seed 003

    @Test
    void panyu2023_reproducesTheWaterfallBasicProjectCategoriesAndThreePublic() {
        DemoScenario s = load("demo/panyu-2023.json");
        Sum all = sum(s, all());
        assertThat(all.initial()).isEqualByComparingTo("15094.71");
        assertThat(all.adjustments()).isEqualByComparingTo("6671.69");
        assertThat(all.fullYear()).isEqualByComparingTo("21766.40");
        assertThat(all.carryIn()).isZero();
        assertThat(all.carryOut()).isZero();
        assertThat(all.executed()).as("basic + project; printed 18,977.96 is a 尾数 within 0.01")
                .isEqualByComparingTo("18977.95");
        assertThat(d("18977.96").subtract(all.executed()).abs()).isLessThanOrEqualTo(d("0.01"));
        assertThat(declared(s, "18,977.96").category()).isEqualTo(DeclaredCategory.ROUNDING);
        assertThat(percent(all.executed(), all.fullYear())).isEqualByComparingTo("87.19");
        assertThat(all.withdrawn()).isEqualByComparingTo(all.fullYear().subtract(all.executed()));
        Sum basic = sum(s, basic());
        assertThat(basic.initial()).isEqualByComparingTo("1163.71");
        assertThat(basic.adjustments()).isEqualByComparingTo("17.14");
        assertSum(basic, "1180.85", "1112.47");
        assertThat(percent(basic.executed(), basic.fullYear())).isEqualByComparingTo("94.21");
        assertThat(sum(s, l -> l.economicCode().startsWith("301")).executed()).isEqualByComparingTo("995.13");
        assertThat(sum(s, l -> l.kind().isBasic() && l.economicCode().startsWith("302")).executed()).isEqualByComparingTo("81.33");
        assertThat(sum(s, l -> l.economicCode().startsWith("303")).executed()).isEqualByComparingTo("36.01");
        Sum project = sum(s, project());
        assertThat(project.initial()).isEqualByComparingTo("13931.00");
        assertThat(project.adjustments()).isEqualByComparingTo("6654.55");
        assertSum(project, "20585.55", "17865.48");
        assertThat(percent(project.executed(), project.fullYear())).isEqualByComparingTo("86.79");
        assertSum(sum(s, l -> l.projectCode() != null && l.projectCode().startsWith("PY2023-XXH")), "633.98", "486.96");
        assertSum(sum(s, l -> l.projectCode() != null
                && (l.projectCode().startsWith("PY2023-ZN") || l.projectCode().startsWith("PY2023-ZXZ"))), "15279.26", "12895.64");
        assertSum(sum(s, l -> l.projectCode() != null && l.projectCode().startsWith("PY2023-JG")), "4672.31", "4482.88");
        Sum three = sum(s, threePublic());
        assertSum(three, "6.91", "4.03");
        assertThat(percent(three.executed(), three.fullYear())).isEqualByComparingTo("58.32");
        assertSum(sum(s, threePublic().and(basic())), "6.28", "3.60");
        assertSum(sum(s, threePublic().and(project())), "0.63", "0.43");
        assertSum(sum(s, economic("30231")), "5.70", "3.52");
        assertSum(sum(s, economic("30217")), "1.21", "0.51");
        assertThat(sum(s, economic("30212")).fullYear()).isZero();
        Sum office = sum(s, administrativeOperating(s));
        assertThat(office.initial()).as("机关运行经费 年初").isEqualByComparingTo("56.40");
        assertThat(office.executed()).as("机关运行经费 支出").isEqualByComparingTo("65.85");
        assertThat(percent(office.executed(), office.initial())).isEqualByComparingTo("116.76");
        assertThat(declared(s, "85.65%").category()).isEqualTo(DeclaredCategory.MISTAKE);
        assertThat(procurementPlanned(s)).isEqualByComparingTo("936.74");
        assertThat(procurementExecuted(s)).isEqualByComparingTo("936.74");
        assertThat(s.evaluation().indicatorGroups()).extracting(IndicatorGroup::printedCount).containsExactly(38, 10);
        s.evaluation().indicatorGroups().forEach(g -> assertThat(
                g.countsBySubcategory().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(g.printedCount()));
    }

    // ------------------------------------------------------------------------------------------- seed 001

    @Test
    void haizhu2020_reproducesTables1To7AndTheAdjustment() {
        DemoScenario s = load("demo/haizhu-2020.json");
        assertThat(s.department().units()).hasSize(4);
        Sum all = sum(s, all());
        assertThat(all.initial()).isEqualByComparingTo("4141.93");
        assertThat(all.adjustments()).isEqualByComparingTo("1001.09");
        assertSum(all, "5143.02", "5143.02");
        assertThat(all.carryIn()).isZero();
        assertThat(all.carryOut()).isZero();
        assertThat(all.withdrawn()).isZero();
        assertThat(sum(s, basic()).executed()).isEqualByComparingTo("2652.31");
        assertThat(sum(s, project()).executed()).isEqualByComparingTo("2490.71");
        assertThat(sum(s, kind(ExpenditureKind.BASIC_PERSONNEL)).executed()).as("301 2,435.48 + 303 43.14")
                .isEqualByComparingTo("2478.62");
        assertThat(sum(s, kind(ExpenditureKind.BASIC_OPERATING)).executed()).isEqualByComparingTo("173.69");
        assertThat(sum(s, l -> l.economicCode().startsWith("301")).executed()).isEqualByComparingTo("2435.48");
        assertThat(sum(s, l -> l.economicCode().startsWith("303")).executed()).isEqualByComparingTo("43.14");
        assertSum(sum(s, threePublic()), "1.50", "1.50");
        // 表5: 功能分类 × 基本/项目
        String[][] table5 = {
                {"2010399", "0.00", "218.10"}, {"2060101", "669.88", "762.35"}, {"2060103", "24.00", "0.00"},
                {"2060199", "1509.02", "1500.26"}, {"2080505", "118.70", "0.00"}, {"2080506", "88.64", "0.00"},
                {"2100799", "39.97", "0.00"}, {"2130599", "3.17", "0.00"}, {"2199900", "0.00", "10.00"},
                {"2210201", "198.93", "0.00"}};
        for (String[] row : table5) {
            Predicate<BudgetLine> f = l -> l.functionalCode().equals(row[0]);
            assertThat(sum(s, f.and(basic())).executed()).as(row[0] + " 基本").isEqualByComparingTo(row[1]);
            assertThat(sum(s, f.and(project())).executed()).as(row[0] + " 项目").isEqualByComparingTo(row[2]);
        }
        String[][] classes = {{"201", "218.10"}, {"206", "4465.51"}, {"208", "207.34"}, {"210", "39.97"},
                {"213", "3.17"}, {"219", "10.00"}, {"221", "198.93"}};
        for (String[] row : classes) {
            assertThat(sum(s, l -> l.functionalCode().startsWith(row[0])).executed()).as(row[0]).isEqualByComparingTo(row[1]);
        }
        assertThat(sum(s, l -> l.functionalCode().equals("2060199")).executed()).as("3,009.28 (printed 1,509.02 + 1,500.25)")
                .isEqualByComparingTo("3009.28");
        // 表6: 经济分类 (基本支出)
        String[][] table6 = {{"30101", "245.71"}, {"30102", "608.83"}, {"30107", "373.67"}, {"30108", "118.70"},
                {"30109", "88.64"}, {"30112", "2.99"}, {"30113", "198.93"}, {"30199", "798.01"}, {"30305", "3.17"},
                {"30309", "39.97"}, {"30201", "14.52"}, {"30204", "0.13"}, {"30205", "1.26"}, {"30206", "4.75"},
                {"30207", "3.81"}, {"30209", "37.90"}, {"30211", "1.64"}, {"30213", "0.31"}, {"30216", "0.50"},
                {"30227", "2.28"}, {"30228", "34.10"}, {"30229", "42.23"}, {"30231", "1.50"}, {"30239", "13.02"},
                {"30299", "15.74"}};
        for (String[] row : table6) {
            assertThat(sum(s, economic(row[0]).and(basic())).executed()).as(row[0]).isEqualByComparingTo(row[1]);
        }
        Sum office = sum(s, administrativeOperating(s));
        assertThat(office.initial()).as("机关运行经费 年初 = 90.03 + 3.73").isEqualByComparingTo("93.76");
        assertThat(office.executed()).isEqualByComparingTo("90.03");
        assertThat(procurementExecuted(s)).isEqualByComparingTo("789.62");
        assertThat(procurementOf(s, ProcurementCategory.GOODS)).isEqualByComparingTo("114.30");
        assertThat(procurementOf(s, ProcurementCategory.WORKS)).isZero();
        assertThat(procurementOf(s, ProcurementCategory.SERVICES)).isEqualByComparingTo("675.32");
        assertThat(smeAwarded(s)).isEqualByComparingTo("789.62");
        assertThat(s.evaluation().printedScores()).as("no scored department table in the seed").isEmpty();
        assertThat(s.evaluation().indicators().stream().filter(i -> i.projectCode() == null)).hasSize(14);
        DemoScenario.ProjectEvaluation project = s.evaluation().projectEvaluations().get(0);
        assertThat(project.annualBudget()).isEqualByComparingTo("800.32");
        assertThat(project.indicatorIds().stream().map(id -> indicator(s, id).weight()).reduce(project.budgetWeight(),
                BigDecimal::add)).isEqualByComparingTo(project.totalWeight());
        assertThat(s.budgetLines().stream().filter(l -> l.id().equals(project.lineId())).findFirst().orElseThrow()
                .executed()).isEqualByComparingTo(project.executed());
    }

    // ------------------------------------------------------------------------------------------- DOMAIN §8

    @Test
    void everyKnownMistakeOfTheSeedsIsDeclaredWithItsCorrection() {
        Map<String, List<String>> mistakes = Map.of(
                "demo/gz-municipal-2021.json", List.of("94.65", "年度部门整体支出规模（万元）", "197273890.80元", "197823733.30元"),
                "demo/haizhu-2020.json", List.of("3,009.28 1,509.02 1,500.25", "人员经费合计 2,478.61", "3.64", "27.80%"),
                "demo/haizhu-2023.json", List.of("5454.98 元"),
                "demo/panyu-2023.json", List.of("1,180.85元", "17,865.48元", "18,977.96", "85.65%"));
        mistakes.forEach((resource, printed) -> {
            DemoScenario s = load(resource);
            for (String fragment : printed) {
                DeclaredFigure figure = declared(s, fragment);
                assertThat(figure.category()).as(fragment).isIn(DeclaredCategory.MISTAKE, DeclaredCategory.ROUNDING);
                assertThat(figure.correctValue()).as(fragment).isNotBlank();
                assertThat(figure.note()).as(fragment).isNotBlank();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("resources")
    void declaredFiguresNameTheirDocumentAndUnit(String resource) {
        DemoScenario s = load(resource);
        String document = s.source().seedFile().substring(0, 3);
        assertThat(s.declaredFigures()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.document()).isEqualTo(document);
            assertThat(f.item()).isNotBlank();
            assertThat(f.printedValue()).isNotBlank().doesNotContain("\n");
            assertThat(f.unitAsPrinted()).isNotBlank();
            assertThat(f.category()).isNotNull();
        });
    }
}
