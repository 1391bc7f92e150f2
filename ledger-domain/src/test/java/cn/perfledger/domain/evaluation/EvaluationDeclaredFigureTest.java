package cn.perfledger.domain.evaluation;

import static cn.perfledger.domain.evaluation.EvaluationFixtures.DEC_31;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.ID;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.domainError;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.evaluation.DeclaredStructure.Kind;
import cn.perfledger.domain.evaluation.DeclaredStructure.Operand;
import cn.perfledger.domain.evaluation.DeclaredStructure.Role;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordDeclaredFigure;
import cn.perfledger.domain.evaluation.EvaluationEvent.DeclaredFigureRecorded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code RecordDeclaredFigure}: the figures a published document states, recorded as printed for reconciliation. */
class EvaluationDeclaredFigureTest {

    private static final String DOC = "002 部门整体支出绩效自评表";
    private static final DeclaredStructure SUM = new DeclaredStructure(Kind.SUM, List.of(
            new Operand(Role.PART, "基本支出", "1,509.02"), new Operand(Role.PART, "项目支出", "1,500.25")));

    private FixtureConfiguration<Evaluation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Evaluation.class);
    }

    private static RecordDeclaredFigure command(String figureId, String printed, String ledgerFigure,
            DeclaredStructure structure) {
        return new RecordDeclaredFigure(ID, figureId, DOC, "自评得分（总分）", printed, "分", ledgerFigure, structure, DEC_31);
    }

    private static DeclaredFigureRecorded recorded(String figureId, String printed, String value, String ledgerFigure,
            DeclaredStructure structure) {
        return new DeclaredFigureRecorded(ID, figureId, DOC, "自评得分（总分）", printed, new BigDecimal(value), "分",
                ledgerFigure, structure, DEC_31);
    }

    @Test
    void recordDeclaredFigure_succeeds_keepingTheTextAndItsNumberAsPrinted() {
        fixture.given(started())
                .when(command("002-41", "94.65", "SCORE.TOTAL", null))
                .expectEvents(recorded("002-41", "94.65", "94.65", "SCORE.TOTAL", null));
    }

    @Test
    void recordDeclaredFigure_succeeds_withThousandsSeparatorsAndText() {
        fixture.given(started())
                .when(new RecordDeclaredFigure(ID, "003-10", "003", "基本支出 年度预算", "年度预算 1,180.85元", "元",
                        "BASIC.FULL_YEAR", null, DEC_31))
                .expectEvents(new DeclaredFigureRecorded(ID, "003-10", "003", "基本支出 年度预算", "年度预算 1,180.85元",
                        new BigDecimal("1180.85"), "元", "BASIC.FULL_YEAR", null, DEC_31));
    }

    @Test
    void recordDeclaredFigure_succeeds_withPrintedOperandsOnly() {
        fixture.given(started())
                .when(command("001-07", "3,009.28", null, SUM))
                .expectEvents(recorded("001-07", "3,009.28", "3009.28", null, SUM));
    }

    @Test
    void recordDeclaredFigure_succeeds_withQualifiedKeyAndNextYearDate() {
        LocalDate next = LocalDate.of(2022, 3, 15);
        fixture.given(started())
                .when(new RecordDeclaredFigure(ID, "x", DOC, "三公 车", "5.70", "万元",
                        "THREE_PUBLIC[VEHICLE]&BASIC.FULL_YEAR", null, next))
                .expectEvents(new DeclaredFigureRecorded(ID, "x", DOC, "三公 车", "5.70", new BigDecimal("5.70"), "万元",
                        "THREE_PUBLIC[VEHICLE]&BASIC.FULL_YEAR", null, next));
    }

    @Test
    void recordDeclaredFigure_fails_whenFigureIdAlreadyRecorded() {
        fixture.given(started(), recorded("002-41", "94.65", "94.65", "SCORE.TOTAL", null))
                .when(command("002-41", "94.35", "SCORE.TOTAL", null))
                .expectException(domainError(ConflictException.class, "figureId", "已存在"));
    }

    @Test
    void recordDeclaredFigure_fails_whenEvaluationNotStarted() {
        fixture.givenNoPriorActivity()
                .when(command("002-41", "94.65", "SCORE.TOTAL", null))
                .expectException(AggregateNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "002 41", "-x"})
    void recordDeclaredFigure_fails_whenFigureIdInvalid(String figureId) {
        fixture.given(started())
                .when(command(figureId, "94.65", "SCORE.TOTAL", null))
                .expectException(domainError("figureId", "编码"));
    }

    @Test
    void recordDeclaredFigure_fails_whenPrintedValueHasNoNumber() {
        fixture.given(started())
                .when(command("g", "绩效等级为优", "SCORE.TOTAL", null))
                .expectException(domainError("printedValue", "未找到数字"));
    }

    @Test
    void recordDeclaredFigure_fails_whenPrintedValueHasSeveralNumbers() {
        fixture.given(started())
                .when(command("g", "共设计指标17个，16个指标均完成", "INDICATORS.MET", null))
                .expectException(domainError("printedValue", "只能包含一个数字"));
    }

    @Test
    void recordDeclaredFigure_fails_whenPrintedValueBlank() {
        fixture.given(started())
                .when(command("g", " ", "SCORE.TOTAL", null))
                .expectException(domainError("printedValue", "不能为空"));
    }

    @Test
    void recordDeclaredFigure_fails_whenDocumentMissing() {
        fixture.given(started())
                .when(new RecordDeclaredFigure(ID, "g", null, "总分", "94.65", "分", "SCORE.TOTAL", null, DEC_31))
                .expectException(domainError("document", "不能为空"));
    }

    @Test
    void recordDeclaredFigure_fails_whenItemMissing() {
        fixture.given(started())
                .when(new RecordDeclaredFigure(ID, "g", DOC, "", "94.65", "分", "SCORE.TOTAL", null, DEC_31))
                .expectException(domainError("item", "不能为空"));
    }

    @Test
    void recordDeclaredFigure_fails_whenUnitMissing() {
        fixture.given(started())
                .when(new RecordDeclaredFigure(ID, "g", DOC, "总分", "94.65", null, "SCORE.TOTAL", null, DEC_31))
                .expectException(domainError("unitAsPrinted", "不能为空"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"score.total", "SCORE", "SCORE.TOTAL.X", "SCORE[a b].TOTAL", "&SCORE.TOTAL"})
    void recordDeclaredFigure_fails_whenLedgerFigureMalformed(String key) {
        fixture.given(started())
                .when(command("g", "94.65", key, null))
                .expectException(domainError("ledgerFigure", "格式"));
    }

    /** Well-formed but not in the catalog: every path that records a figure (API, 自评表 import, demo) is refused. */
    @ParameterizedTest
    @ValueSource(strings = {"FOO.FULL_YEAR", "TOTAL.NOPE", "SOURCE[NOPE].FULL_YEAR", "BASIC.VARIANCE_RATE",
            "FIXED_ASSETS.FULL_YEAR", "SCORE[E].TOTAL"})
    void recordDeclaredFigure_fails_whenLedgerFigureNotInTheCatalog(String key) {
        fixture.given(started())
                .when(command("g", "94.65", key, null))
                .expectException(domainError("ledgerFigure", "格式"));
    }

    @Test
    void recordDeclaredFigure_fails_whenNeitherLedgerFigureNorStructure() {
        fixture.given(started())
                .when(command("g", "94.65", null, null))
                .expectException(domainError("ledgerFigure", "无从核对"));
    }

    @Test
    void recordDeclaredFigure_fails_whenSumHasOnePart() {
        fixture.given(started())
                .when(command("g", "3,009.28", null, new DeclaredStructure(Kind.SUM,
                        List.of(new Operand(Role.PART, null, "1,509.02")))))
                .expectException(domainError("structure.operands", "至少两个"));
    }

    @Test
    void recordDeclaredFigure_fails_whenRatioLacksDenominator() {
        fixture.given(started())
                .when(command("g", "41.21", null, new DeclaredStructure(Kind.RATIO, List.of(
                        new Operand(Role.NUMERATOR, null, "1.50"), new Operand(Role.PART, null, "3.64")))))
                .expectException(domainError("structure.operands", "DENOMINATOR"));
    }

    @Test
    void recordDeclaredFigure_fails_whenGrowthHasOneTerm() {
        fixture.given(started())
                .when(command("g", "27.80", null, new DeclaredStructure(Kind.GROWTH, List.of(
                        new Operand(Role.CURRENT, null, "5,143.02")))))
                .expectException(domainError("structure.operands", "两个"));
    }

    @Test
    void recordDeclaredFigure_fails_whenOperandHasNoNumber() {
        fixture.given(started())
                .when(command("g", "3,009.28", null, new DeclaredStructure(Kind.SUM, List.of(
                        new Operand(Role.PART, null, "1,509.02"), new Operand(Role.PART, null, "项目")))))
                .expectException(domainError("structure.operands[1].printedValue", "未找到数字"));
    }

    @Test
    void recordDeclaredFigure_fails_whenStructureKindMissing() {
        fixture.given(started())
                .when(command("g", "3,009.28", null, new DeclaredStructure(null, SUM.operands())))
                .expectException(domainError("structure.kind", "不能为空"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-12-31", "2023-01-01"})
    void recordDeclaredFigure_fails_whenEffectiveDateOutsideEvaluationWindow(String date) {
        fixture.given(started())
                .when(new RecordDeclaredFigure(ID, "g", DOC, "总分", "94.65", "分", "SCORE.TOTAL", null,
                        LocalDate.parse(date)))
                .expectException(domainError("effectiveDate", "2021-01-01 至 2022-12-31"));
    }

    @Test
    void printedNumber_keepsThePrintedScale() {
        assertThat(PrintedNumber.parse("v", "增长 27.80%")).isEqualTo(new BigDecimal("27.80"));
        assertThat(PrintedNumber.parse("v", "392,951,003.55")).isEqualTo(new BigDecimal("392951003.55"));
        assertThat(PrintedNumber.parse("v", "−0.30")).isEqualTo(new BigDecimal("-0.30"));
        assertThat(PrintedNumber.all("1.50 0.00 1.50")).hasSize(3);
        assertThatThrownBy(() -> PrintedNumber.parse("v", "无")).isInstanceOf(DomainException.class);
    }
}
