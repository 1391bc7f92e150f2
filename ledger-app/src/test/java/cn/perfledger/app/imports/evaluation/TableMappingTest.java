package cn.perfledger.app.imports.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.json.LedgerJson;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.EvaluationCommand.TableRow;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.RowsRefusedException.RowError;
import cn.perfledger.domain.rubric.GradeScale;
import cn.perfledger.domain.rubric.InputReference;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule;
import cn.perfledger.domain.rubric.RubricScope;
import cn.perfledger.app.imports.evaluation.TableMapping.Mapping;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the rows of a 自评表 map onto a rubric, without the ledger: what each kind of item becomes, what is refused. */
class TableMappingTest {

    private static final EvaluationId EVALUATION = EvaluationId.of("GZ-ZSJ", 2021);
    private static final LocalDate DEC_31 = LocalDate.of(2021, 12, 31);
    private static final String DIGEST = "6a5cfb405ba4dd0b71cb95f832bbf4141d97ad4f53b6a5ca4fba611c7fc26eec";
    private static final String HEADER = "一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t年度指标值\t实际完成值\t得分\t评分依据";

    private static Mapping map(String tsv, RubricPublished rubric) {
        return mapping(tsv, rubric).result();
    }

    private static TableMapping mapping(String tsv, RubricPublished rubric) {
        TableLayout.Table table = TableLayout.parse(TableFile.read(tsv.getBytes(StandardCharsets.UTF_8)));
        return TableMapping.of(table, rubric, EVALUATION, "自评表.tsv", DIGEST, DEC_31, "自评小组");
    }

    static RubricPublished seed002Rubric() throws IOException {
        try (InputStream in = TableMappingTest.class.getResourceAsStream("/rubrics/gz-municipal-2021.json")) {
            PublishRubric c = LedgerJson.newObjectMapper().readValue(in, PublishRubric.class);
            return new RubricPublished(c.rubricVersionId(), c.name(), c.jurisdiction(), c.scope(), c.templateYear(),
                    c.totalWeight(), c.bonusCap(), c.tree(), c.rounding(), c.grades(), c.sourceNote(), c.effectiveDate());
        }
    }

    /** 履职效能 with a judged output item (as Panyu's 产出) and an indicator tagged by code, under one group. */
    private static RubricPublished smallRubric() {
        RubricNode judged = RubricNode.leaf("E.OUTPUT", "产出指标完成情况", "10", new ScoringRule.Judgement(),
                new InputReference.JudgementInput());
        RubricNode tagged = RubricNode.leaf("E.KPI-A", "网站监测覆盖率", "5", ScoringRule.MetOrFactor.factor(
                new BigDecimal("0.9")), InputReference.IndicatorInput.byTag(new RubricItemCode("E.KPI-A")));
        RubricNode tasksA = RubricNode.group("E.T1", "任务一", "8", List.of(
                RubricNode.leaf("E.T1.SAT", "满意度", "8", ScoringRule.MetOrFactor.factor(new BigDecimal("0.9")),
                        InputReference.IndicatorInput.byId(new IndicatorId("KPI-SAT-1")))));
        RubricNode tasksB = RubricNode.group("E.T2", "任务二", "2", List.of(
                RubricNode.leaf("E.T2.SAT", "满意度", "2", new ScoringRule.Judgement(), new InputReference.JudgementInput())));
        RubricNode top = RubricNode.group("E", "履职效能", "25", List.of(judged, tagged, tasksA, tasksB));
        return new RubricPublished(new RubricVersionId("test@1"), "测试", "广州市", RubricScope.all(), 2021,
                new BigDecimal("25"),
                BigDecimal.ZERO, List.of(top), Rounding.TWO_DECIMALS_HALF_UP, GradeScale.defaults(), null, DEC_31);
    }

    @Test
    void theSeedTable_mapsEveryRow_byTheKindOfItFromTheRubric() throws IOException {
        Mapping mapping = map(EvaluationTableImportTest.fixtureText(), seed002Rubric());
        assertThat(mapping.errors()).isEmpty();
        assertThat(mapping.rows()).hasSize(40);
        TableRow system = row(mapping, 18);
        assertThat(system.judgement().rubricItemCode().value()).isEqualTo("M.FUND.SYSTEM");
        assertThat(system.judgement().score()).isEqualByComparingTo("3");
        assertThat(system.judgement().basis()).startsWith("得分依据：我局先后制定财务");
        assertThat(system.judgement().effectiveDate()).isEqualTo(DEC_31);
        assertThat(system.indicator()).isNull();
        assertThat(system.declaredFigure()).isNull();

        TableRow budget = row(mapping, 19);
        assertThat(budget.judgement()).isNull();
        assertThat(budget.declaredFigure().ledgerFigure()).isEqualTo("SCORE[M.FUND.BUDGET-COMPLETION].ITEM");
        assertThat(budget.declaredFigure().printedValue()).isEqualTo("1.99");
        assertThat(budget.declaredFigure().figureId()).isEqualTo("ET-6a5cfb405ba4-R19");

        TableRow connection = row(mapping, 59);
        assertThat(connection.indicator().indicatorId().value()).isEqualTo("GZ21-KPI-09");
        assertThat(connection.indicator().rubricItemCode().value()).isEqualTo("E.KPI-09");
        assertThat(connection.indicator().path()).containsExactly("履职效能",
                "二、广州12345热线整合全市40个职能部门、11个区的76条非紧急类服务专线，为市民群众提供全方位、多渠道、一体化的政府服务热线平台。");
        assertThat(connection.indicator().targetExpression()).isEqualTo("二、2、≥95%");
        assertThat(connection.indicator().weight()).isEqualByComparingTo("2.96");
        assertThat(connection.indicator().effectiveDate()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(connection.actual().actual()).isEqualTo("94.07%");
        assertThat(connection.declaredFigure().ledgerFigure()).isEqualTo("SCORE[E.KPI-09].ITEM");

        TableRow total = row(mapping, 70);
        assertThat(total.declaredFigure().ledgerFigure()).isEqualTo("SCORE.TOTAL");
        assertThat(total.declaredFigure().printedValue()).isEqualTo("94.65");
        assertThat(mapping.notes()).singleElement().asString().contains("第 69 行", "2.5");
    }

    @Test
    void aJudgedItemUnderATargetHeader_needsNoMeasurableTarget_andKeepsItInItsBasis() {
        Mapping mapping = map(HEADER + "\n履职效能\t25\t\t\t产出指标完成情况\t10\t按期完成年度重点任务\t全部完成\t10\t38个产出指标均已完成\n",
                smallRubric());
        assertThat(mapping.errors()).isEmpty();
        TableRow row = row(mapping, 2);
        assertThat(row.indicator()).isNull();
        assertThat(row.judgement().basis()).isEqualTo("38个产出指标均已完成\n（年度指标值：按期完成年度重点任务；实际完成值：全部完成）");
    }

    @Test
    void anIndicatorTaggedByCode_isDefinedUnderTheLeafsCode_andAnActualLeftBlankIsNotRecorded() {
        Mapping mapping = map(HEADER + "\n履职效能\t25\t\t\t网站监测覆盖率\t5.00\t≥95%\t\t\t\n", smallRubric());
        assertThat(mapping.errors()).isEmpty();
        TableRow row = row(mapping, 2);
        assertThat(row.indicator().indicatorId().value()).isEqualTo("E.KPI-A");
        assertThat(row.indicator().rubricItemCode().value()).isEqualTo("E.KPI-A");
        assertThat(row.actual()).isNull();
        assertThat(row.declaredFigure()).isNull(); // no 得分 printed: nothing to compare
    }

    @Test
    void the指标性质And评定等级Columns_giveTheDirectionAndTheGrade() {
        String header = "一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t指标性质\t年度指标值\t实际完成值\t评定等级\t得分\t评分依据";
        Mapping mapping = map(header + "\n履职效能\t25\t\t\t网站监测覆盖率\t5.00\t定性\t平台运行稳定\t平台全年运行稳定\t基本达成\t\t\n",
                smallRubric());
        assertThat(mapping.errors()).isEmpty();
        TableRow row = row(mapping, 2);
        assertThat(row.indicator().direction()).isEqualTo(cn.perfledger.domain.evaluation.Direction.QUALITATIVE);
        assertThat(row.actual().grade()).isEqualTo(cn.perfledger.domain.evaluation.Grade.LARGELY_ACHIEVED);

        Mapping wrong = map(header + "\n履职效能\t25\t\t\t网站监测覆盖率\t5.00\t越多越好吧\t≥95%\t96%\t\t\t\n",
                smallRubric());
        assertThat(wrong.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("指标性质");
            assertThat(error.rule()).contains("指标方向只能是");
        });

        Mapping quantitative = map(header + "\n履职效能\t25\t\t\t网站监测覆盖率\t5.00\t定量\t≥95%\t96%\t\t\t\n",
                smallRubric());
        assertThat(quantitative.errors()).isEmpty();
        assertThat(row(quantitative, 2).indicator().direction()).as("定量: the target states it").isNull();
    }

    @Test
    void aNameTwoLeavesShare_isResolvedByTheRowsSecondLevel_orRefused() {
        Mapping resolved = map(HEADER + "\n履职效能\t25\t任务二\t2\t满意度\t2\t≥90%\t95%\t2\t满意\n", smallRubric());
        assertThat(resolved.errors()).isEmpty();
        assertThat(row(resolved, 2).judgement().rubricItemCode().value()).isEqualTo("E.T2.SAT");
        Mapping ambiguous = map(HEADER + "\n履职效能\t25\t\t\t满意度\t2\t≥90%\t95%\t2\t满意\n", smallRubric());
        assertThat(ambiguous.errors()).singleElement().satisfies(e -> {
            assertThat(e.column()).isEqualTo("E");
            assertThat(e.rule()).contains("E.T1.SAT", "E.T2.SAT", "编码");
        });
        Mapping byCode = map(HEADER + "\n履职效能\t25\t\t\tE.T1.SAT\t8\t≥90%\t95%\t8\t\n", smallRubric());
        assertThat(byCode.errors()).isEmpty();
        assertThat(row(byCode, 2).indicator().indicatorId().value()).isEqualTo("KPI-SAT-1");
    }

    @Test
    void theTablesOwnProblems_areNamedWithTheirCells() throws IOException {
        String text = HEADER + "\n"
                + "履职效能\t50\t\t\t不存在的指标\t2.94\t≥1个\t1个\t2.94\t完成\n"
                + "\t\t\t\t履职效能\t50\t\t\t\t\n"
                + "\t\t\t\t三、1、移动服务平台全年提供服务次数（广州移动政务服务平台建设）\t2.9\t≥700万次\t805万次\t两分\t完成\n"
                + "\t\t\t\tE.KPI-06\t2.94\t≥700万次\t805万次\t2.94\t完成\n"
                + "\t\t\t\t网站监测覆盖率\t\t≥95%\t\t3.5\t\n";
        Mapping mapping = map(text, seed002Rubric());
        assertThat(mapping.errors()).extracting(e -> e.row() + e.column())
                .containsExactly("2E", "3E", "4F", "4I", "5E", "6E");
        assertThat(mapping.errors()).extracting(CellError::rule).satisfiesExactly(
                rule -> assertThat(rule).contains("没有名为「不存在的指标」的三级指标"),
                rule -> assertThat(rule).contains("「履职效能」", "分组（E）"),
                rule -> assertThat(rule).contains("分值 2.9", "E.KPI-06", "2.94"),
                rule -> assertThat(rule).contains("得分应为数字", "两分"),
                rule -> assertThat(rule).contains("与第 4 行是同一评分项（E.KPI-06"),
                rule -> assertThat(rule).contains("没有名为「网站监测覆盖率」"));
        assertThat(mapping.rows()).isEmpty();
    }

    @Test
    void anIndicatorItemNeedsATargetColumn() throws IOException {
        String text = "一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t指标解释\t得分\t评分依据\n"
                + "履职效能\t50\t\t\t四、1、建设信用监管应用支撑平台。（广州市公共信用2020年信息化建设项目）\t2.94\t说明\t2.94\t完成\n";
        assertThat(map(text, seed002Rubric()).errors()).singleElement()
                .satisfies(e -> assertThat(e.rule()).contains("年度指标值", "指标解释"));
    }

    @Test
    void theAggregatesRefusals_arePlacedOnTheirCells() throws IOException {
        TableMapping mapping = mapping(EvaluationTableImportTest.fixtureText(), seed002Rubric());
        CellError target = mapping.locate(new RowError(59, "indicator.targetExpression", "未找到数值"));
        assertThat(target).extracting(CellError::row, CellError::column, CellError::field)
                .containsExactly(59, "G", "年度指标值");
        assertThat(target.rule()).startsWith("未找到数值").contains("可度量");
        assertThat(mapping.locate(new RowError(59, "actual.actual", "不可比较")))
                .extracting(CellError::column, CellError::field).containsExactly("H", "实际完成指标值");
        assertThat(mapping.locate(new RowError(18, "judgement.basis", "不能为空")))
                .extracting(CellError::column, CellError::field).containsExactly("I", "评分依据、未达标原因、改进措施");
        assertThat(mapping.locate(new RowError(70, "declaredFigure.printedValue", "未找到数字")))
                .extracting(CellError::column, CellError::field).containsExactly("I", "得分/自评分");
        assertThat(mapping.locate(new RowError(18, "judgement.evaluator", "长度不能超过 100 个字符")))
                .extracting(CellError::column, CellError::field).containsExactly(null, "evaluator");
    }

    /**
     * Garbage in: whatever a file holds, reading and mapping it ends in rows to check or problems to list — never in
     * another exception. Seeded; the seed is in the test's name so that a failure can be replayed.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20211231L, 94650235L, 7L})
    void mangledTables_endInRowsOrProblems_neverAnotherException(long seed) throws IOException {
        Random random = new Random(seed);
        RubricPublished rubric = seed002Rubric();
        String fixture = EvaluationTableImportTest.fixtureText();
        String[] pieces = {"\t", "\n", "\"", "三级指标", "分值", "总分", "≥", "%", "万件", "-1", "1e9", "=SUM(A1)", "\u0000",
                "\uFEFF", "一级指标\t分值\t三级指标\t得分\t评分依据", "\r", "2.94", " ", "“", "合计"};
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder(fixture);
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, pieces[random.nextInt(pieces.length)]);
                    case 1 -> text.delete(at, Math.min(text.length(), at + random.nextInt(40)));
                    default -> text.setLength(Math.min(text.length(), at + random.nextInt(200)));
                }
            }
            try {
                Mapping mapping = map(text.toString(), rubric);
                assertThat(mapping.rows().isEmpty() && mapping.errors().isEmpty() && mapping.notes().isEmpty())
                        .as("case %d: nothing to check and nothing to say", i).isFalse();
            } catch (TableRejectedException rejected) {
                assertThat(rejected.errors()).as("case %d", i).isNotEmpty();
            }
        }
    }

    private static TableRow row(Mapping mapping, int row) {
        return mapping.rows().stream().filter(r -> r.row() == row).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + row + " among " + mapping.errors()));
    }
}
