package cn.perfledger.domain.evaluation;

import static cn.perfledger.domain.evaluation.EvaluationFixtures.DEC_31;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.ID;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.JAN_1;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.RUBRIC;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.domainError;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.started;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.EvaluationCommand.DefineIndicator;
import cn.perfledger.domain.evaluation.EvaluationCommand.EnterJudgementScore;
import cn.perfledger.domain.evaluation.EvaluationCommand.ImportEvaluationTable;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordActual;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordDeclaredFigure;
import cn.perfledger.domain.evaluation.EvaluationCommand.TableRow;
import cn.perfledger.domain.evaluation.EvaluationEvent.DeclaredFigureRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationTableImported;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import cn.perfledger.domain.evaluation.RowsRefusedException.RowError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ImportEvaluationTable}: a 自评表 as one command, all rows or none, each row held to the rules of the single
 * commands it carries. The rows are seed 002's (市本级 2021) as the importer maps them onto gz-municipal-2021@1.
 */
class EvaluationImportTest {

    private static final String FILE = "2021年度部门整体支出绩效自评表.tsv";
    private static final String DIGEST = "a3f1c5e0b2d4968877665544332211ffeeddccbbaa99887766554433221100ab";
    private static final String OTHER_DIGEST = "0000000000000000000000000000000000000000000000000000000000000001";
    private static final String DOC = "自评表 " + FILE;
    private static final String EVALUATOR = "自评小组";

    private static final IndicatorId CONNECTION = new IndicatorId("GZ21-KPI-09");
    private static final RubricItemCode CONNECTION_ITEM = new RubricItemCode("E.KPI-09");
    private static final List<String> CONNECTION_PATH = List.of("履职效能",
            "二、广州12345热线整合全市40个职能部门、11个区的76条非紧急类服务专线，为市民群众提供全方位、多渠道、一体化的政府服务热线平台。");
    private static final String CONNECTION_NAME = "二、2、非因不可抗力或影响范围广泛的重大政策调整，热线每月接通率不低于95%";
    private static final IndicatorId VOLUME = new IndicatorId("GZ21-KPI-14");
    private static final RubricItemCode VOLUME_ITEM = new RubricItemCode("E.KPI-14");
    private static final String VOLUME_NAME = "二、1、话务服务量：根据预算核定提供的服务量";
    private static final RubricItemCode SYSTEM_ITEM = new RubricItemCode("M.FUND.SYSTEM");
    private static final String SYSTEM_BASIS = "得分依据：我局先后制定财务、人事、行政、内部监督等各类规章制度，并于日常工作中严格执行。";
    private static final RubricItemCode PREP_ITEM = new RubricItemCode("M.FUND.BUDGET-PREP");
    private static final String PREP_BASIS = "评分依据：2021年度，全局的预算编制严格按市财政局要求进行编制基础信息。";

    private FixtureConfiguration<Evaluation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Evaluation.class);
    }

    // --- rows as the importer builds them ------------------------------------------------------------------

    private static TableRow judgementRow(int row, RubricItemCode code, String score, String basis) {
        return new TableRow(row, null, null,
                new EnterJudgementScore(ID, code, score == null ? null : new BigDecimal(score), basis, EVALUATOR, DEC_31),
                null);
    }

    private static TableRow indicatorRow(int row, IndicatorId id, RubricItemCode code, String name, String weight,
            String target, String actual, String printedScore) {
        return new TableRow(row,
                new DefineIndicator(ID, id, CONNECTION_PATH, name, new BigDecimal(weight), target, code, JAN_1),
                actual == null ? null : new RecordActual(ID, id, actual, DEC_31), null,
                scoreFigure(row, code, name, printedScore));
    }

    private static RecordDeclaredFigure scoreFigure(int row, RubricItemCode code, String name, String printed) {
        return new RecordDeclaredFigure(ID, "ET-a3f1c5e0b2d4-R" + row, DOC, name + " 得分", printed, "分",
                "SCORE[" + code + "].ITEM", null, DEC_31);
    }

    private static TableRow totalRow(int row, String printed) {
        return new TableRow(row, null, null, null, new RecordDeclaredFigure(ID, "ET-a3f1c5e0b2d4-R" + row, DOC,
                "自评得分（总分）", printed, "分", "SCORE.TOTAL", null, DEC_31));
    }

    private static ImportEvaluationTable importing(String digest, TableRow... rows) {
        return new ImportEvaluationTable(ID, RUBRIC, FILE, digest, List.of(rows), false, DEC_31);
    }

    private static ImportEvaluationTable checking(TableRow... rows) {
        return new ImportEvaluationTable(ID, RUBRIC, FILE, DIGEST, List.of(rows), true, DEC_31);
    }

    private static final TableRow SYSTEM_ROW = judgementRow(18, SYSTEM_ITEM, "3", SYSTEM_BASIS);
    private static final TableRow CONNECTION_ROW = indicatorRow(59, CONNECTION, CONNECTION_ITEM, CONNECTION_NAME,
            "2.96", "二、2、≥95%", "94.07%", "2.66");
    private static final TableRow TOTAL_ROW = totalRow(70, "94.65");

    // --- events the rows record ----------------------------------------------------------------------------

    private static EvaluationTableImported imported(String digest, int rows, int defined, int actuals, int scores,
            int figures, int unchanged) {
        return new EvaluationTableImported(ID, FILE, digest, rows, defined, actuals, scores, figures, unchanged, DEC_31);
    }

    private static JudgementScoreEntered systemScored(BigDecimal previous) {
        return new JudgementScoreEntered(ID, SYSTEM_ITEM, new BigDecimal("3"), SYSTEM_BASIS, EVALUATOR, previous, DEC_31);
    }

    private static IndicatorDefined connectionDefined() {
        return new IndicatorDefined(ID, CONNECTION, CONNECTION_PATH, CONNECTION_NAME, new BigDecimal("2.96"),
                "二、2、≥95%", TargetExpression.parse("二、2、≥95%"), CONNECTION_ITEM, JAN_1);
    }

    private static IndicatorActualRecorded connectionActual() {
        return new IndicatorActualRecorded(ID, CONNECTION, "94.07%", ActualValue.parse("94.07%"), DEC_31);
    }

    private static DeclaredFigureRecorded figureRecorded(RecordDeclaredFigure c, String value) {
        return new DeclaredFigureRecorded(ID, c.figureId(), c.document(), c.item(), c.printedValue(),
                new BigDecimal(value), c.unitAsPrinted(), c.ledgerFigure(), null, DEC_31);
    }

    // --- success -------------------------------------------------------------------------------------------

    @Test
    void importTable_startsTheEvaluation_andRecordsEveryRowAfterTheImportEvent() {
        fixture.givenNoPriorActivity()
                .when(importing(DIGEST, SYSTEM_ROW, CONNECTION_ROW, TOTAL_ROW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(started(), imported(DIGEST, 3, 1, 1, 1, 2, 0), systemScored(null), connectionDefined(),
                        connectionActual(), figureRecorded(CONNECTION_ROW.declaredFigure(), "2.66"),
                        figureRecorded(TOTAL_ROW.declaredFigure(), "94.65"))
                .expectResultMessagePayload(new ImportOutcome(true, false, DIGEST, 3, 1, 1, 1, 2, 0, 0));
    }

    @Test
    void importTable_intoAStartedEvaluation_keepsItsStart_andNormalisesTheDigest() {
        fixture.given(started())
                .when(importing(DIGEST.toUpperCase(), SYSTEM_ROW))
                .expectEvents(imported(DIGEST, 1, 0, 0, 1, 0, 0), systemScored(null));
    }

    // --- all or nothing ------------------------------------------------------------------------------------

    @Test
    void importTable_refusedMidFile_recordsNothing_andListsEveryRefusalWithItsRowAndField() {
        TableRow plainTextTarget = indicatorRow(60, VOLUME, VOLUME_ITEM, VOLUME_NAME, "2.94", "热线服务量满足需求",
                "2871.7436万件", "2.94");
        TableRow negativeScore = judgementRow(61, PREP_ITEM, "-1", PREP_BASIS);
        fixture.givenNoPriorActivity()
                .when(importing(DIGEST, SYSTEM_ROW, CONNECTION_ROW, plainTextTarget, negativeScore, TOTAL_ROW))
                .expectException(refused(new RowError(60, "indicator.targetExpression", "未找到数值"),
                        new RowError(61, "judgement.score", "不能为负数")))
                .expectNoEvents();
    }

    @Test
    void importTable_refusesAnActualTheTargetCannotBeComparedWith_namingTheActual() {
        TableRow wrongUnit = indicatorRow(59, CONNECTION, CONNECTION_ITEM, CONNECTION_NAME, "2.96", "≥95%", "94.07万件",
                "2.66");
        fixture.given(started())
                .when(importing(DIGEST, SYSTEM_ROW, wrongUnit))
                .expectException(refused(new RowError(59, "actual.actual", "不可比较")))
                .expectNoEvents();
    }

    @Test
    void importTable_checksRowsAgainstTheRowsBeforeThem() {
        TableRow again = indicatorRow(64, CONNECTION, CONNECTION_ITEM, CONNECTION_NAME, "2.96", "≥95%", "94.07%", "2.66");
        TableRow scoredAgain = judgementRow(65, SYSTEM_ITEM, "2", SYSTEM_BASIS);
        fixture.given(started())
                .when(importing(DIGEST, SYSTEM_ROW, CONNECTION_ROW, again, scoredAgain))
                .expectException(refused(new RowError(64, "indicator.indicatorId", "已见于第 59 行"),
                        new RowError(65, "judgement.rubricItemCode", "已见于第 18 行")))
                .expectNoEvents();
    }

    @Test
    void importTable_refusesARowOfAnIndicatorItsTargetRefused_once() {
        TableRow badTarget = indicatorRow(59, CONNECTION, CONNECTION_ITEM, CONNECTION_NAME, "2.96", "较上年有所提高",
                "94.07%", "2.66");
        // the actual cannot be checked without a target: only the target is reported
        fixture.given(started())
                .when(importing(DIGEST, badTarget))
                .expectException(refused(new RowError(59, "indicator.targetExpression", "未找到数值")))
                .expectNoEvents();
    }

    @Test
    void importTable_refusesARubricVersionOtherThanTheEvaluations() {
        fixture.given(started())
                .when(new ImportEvaluationTable(ID, new RubricVersionId("haizhu-2023@1"), FILE, DIGEST,
                        List.of(SYSTEM_ROW), false, DEC_31))
                .expectException(domainError("rubricVersion", "gz-municipal-2021@1"))
                .expectNoEvents();
    }

    @Test
    void importTable_refusesAMalformedDigest_andAnEmptyTable() {
        fixture.given(started())
                .when(importing("not-a-digest", SYSTEM_ROW))
                .expectException(domainError("digest", "SHA-256"));
        fixture.given(started())
                .when(new ImportEvaluationTable(ID, RUBRIC, FILE, DIGEST, List.of(), false, DEC_31))
                .expectException(domainError("rows", "没有可导入的行"));
    }

    @Test
    void importTable_refusesAnEffectiveDateOutsideTheEvaluationWindow() {
        fixture.given(started())
                .when(new ImportEvaluationTable(ID, RUBRIC, FILE, DIGEST, List.of(SYSTEM_ROW), false,
                        DEC_31.plusYears(2)))
                .expectException(domainError("effectiveDate", "评价年度或次年"));
    }

    // --- the same file again, a corrected file ---------------------------------------------------------------

    @Test
    void importTable_sameFileAgain_isAReportedNoOp() {
        fixture.given(started(), imported(DIGEST, 3, 1, 1, 1, 2, 0), systemScored(null), connectionDefined(),
                        connectionActual(), figureRecorded(CONNECTION_ROW.declaredFigure(), "2.66"),
                        figureRecorded(TOTAL_ROW.declaredFigure(), "94.65"))
                .when(importing(DIGEST, SYSTEM_ROW, CONNECTION_ROW, TOTAL_ROW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(ImportOutcome.alreadyImported(DIGEST, 3));
    }

    @Test
    void importTable_correctedFile_recordsOnlyWhatChanged() {
        TableRow rescored = judgementRow(18, SYSTEM_ITEM, "2.5", SYSTEM_BASIS + "（更正）");
        TableRow newActual = indicatorRow(59, CONNECTION, CONNECTION_ITEM, CONNECTION_NAME, "2.96", "二、2、≥95%",
                "95.10%", "2.96");
        ImportEvaluationTable corrected = importing(OTHER_DIGEST, rescored, newActual);
        fixture.given(started(), imported(DIGEST, 2, 1, 1, 1, 1, 0), systemScored(null), connectionDefined(),
                        connectionActual())
                .when(corrected)
                .expectEvents(imported(OTHER_DIGEST, 2, 0, 1, 1, 1, 1),
                        new JudgementScoreEntered(ID, SYSTEM_ITEM, new BigDecimal("2.5"), SYSTEM_BASIS + "（更正）",
                                EVALUATOR, new BigDecimal("3"), DEC_31),
                        new IndicatorActualRecorded(ID, CONNECTION, "95.10%", ActualValue.parse("95.10%"), DEC_31),
                        figureRecorded(newActual.declaredFigure(), "2.96"));
    }

    @Test
    void importTable_restatingWhatStands_recordsOnlyTheImportAndItsPrintedScores() {
        fixture.given(started(), systemScored(null), connectionDefined(), connectionActual())
                .when(importing(OTHER_DIGEST, SYSTEM_ROW, CONNECTION_ROW))
                .expectEvents(imported(OTHER_DIGEST, 2, 0, 0, 0, 1, 3),
                        figureRecorded(CONNECTION_ROW.declaredFigure(), "2.66"))
                .expectResultMessagePayload(new ImportOutcome(true, false, OTHER_DIGEST, 2, 0, 0, 0, 1, 0, 3));
    }

    @Test
    void importTable_refusesADifferentTargetForAnIndicatorDefinedBefore() {
        TableRow revised = indicatorRow(59, CONNECTION, CONNECTION_ITEM, CONNECTION_NAME, "2.96", "≥90%", "94.07%",
                "2.96");
        fixture.given(started(), connectionDefined())
                .when(importing(OTHER_DIGEST, revised))
                .expectException(refused(new RowError(59, "indicator.targetExpression", "调整指标目标值")))
                .expectNoEvents();
    }

    // --- check only ----------------------------------------------------------------------------------------

    @Test
    void importTable_validateOnly_reportsWhatWouldBeRecorded_andRecordsNothing() {
        fixture.given(started())
                .when(checking(SYSTEM_ROW, CONNECTION_ROW, TOTAL_ROW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new ImportOutcome(false, false, DIGEST, 3, 1, 1, 1, 2, 0, 0));
    }

    @Test
    void importTable_validateOnly_stillListsTheRefusals() {
        fixture.given(started())
                .when(checking(judgementRow(18, SYSTEM_ITEM, "3", " ")))
                .expectException(refused(new RowError(18, "judgement.basis", "不能为空")))
                .expectNoEvents();
    }

    /**
     * A {@link RowsRefusedException} listing exactly the expected refusals in order: same row and field, and a rule
     * containing the expected rule's text.
     */
    private static Matcher<Throwable> refused(RowError... expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable error) {
                if (!(error instanceof RowsRefusedException refused) || refused.errors().size() != expected.length) {
                    return false;
                }
                for (int i = 0; i < expected.length; i++) {
                    RowError actual = refused.errors().get(i);
                    if (actual.row() != expected[i].row() || !actual.field().equals(expected[i].field())
                            || !actual.rule().contains(expected[i].rule())) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RowsRefusedException with " + List.of(expected));
            }

            @Override
            protected void describeMismatchSafely(Throwable error, Description description) {
                List<RowError> actual = error instanceof RowsRefusedException r ? r.errors() : new ArrayList<>();
                description.appendText("was " + error + " " + actual);
            }
        };
    }
}
