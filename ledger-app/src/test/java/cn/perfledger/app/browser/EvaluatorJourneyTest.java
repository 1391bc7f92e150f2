package cn.perfledger.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.support.DemoServer;
import cn.perfledger.app.support.UiForms;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journey (b) of issue 13: an evaluator scores a small year in the browser and submits it. The year (a new
 * department under the small rubric) and the evaluator's account are set up through the API; the evaluator then
 * signs in, opens the year, starts the evaluation, defines a quantitative and a 定性 indicator, records both
 * actuals, records a bonus with a double click (written once), fills the judgement sheet (one row refused next to
 * it, fixed), and submits, seeing the digest that the submissions page then shows.
 */
class EvaluatorJourneyTest extends DemoServer {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    cn.perfledger.app.readmodel.DirectoryQueries directory;

    ChromeDriver browser;
    JourneyPages ui;
    String dept;

    @BeforeEach
    void aSmallYearAndAnEvaluator() throws Exception {
        browser = HeadlessChromium.start(Files.createTempDirectory("ledger-downloads-"));
        ui = new JourneyPages(browser, url(""), "evaluator");
        String version = "ui-journey-" + Long.toString(System.nanoTime(), 36) + "@1";
        assertThat(ui.api("/api/v1/rubrics", UiForms.smallRubric(version))).isEqualTo(201);
        dept = UiForms.newDepartment("JE");
        assertThat(ui.api("/api/v1/departments", """
                {"departmentId":"%s","name":"示范区数据管理局","jurisdiction":"示范区","effectiveDate":"2024-01-01",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}]}""".formatted(dept))).isEqualTo(201);
        assertThat(ui.api("/api/v1/departments/" + dept + "/years",
                "{\"year\":2024,\"rubricVersion\":\"" + version + "\"}")).isEqualTo(201);
        assertThat(ui.api("/api/v1/admin/users", """
                {"username":"pj-%s","displayName":"示范区评价员","password":"evaluator-pass-2024","roles":["EVALUATOR"],
                 "departments":"%s"}""".formatted(dept.toLowerCase(), dept))).isEqualTo(201);
        // the directory page is a tracking read model: wait until it lists the new year
        long deadline = System.currentTimeMillis() + 30_000;
        while (directory.fiscalYear(dept + "/2024").isEmpty()) {
            assertThat(System.currentTimeMillis()).as("directory caught up").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    long events(String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND payloadType LIKE ?", Long.class, dept + "/2024/evaluation", "%" + type);
    }

    @Test
    void evaluator_scoresASmallYear_andSubmitsIt_seeingTheDigest() {
        ui.signIn("pj-" + dept.toLowerCase(), "evaluator-pass-2024");
        ui.shot("01-directory");
        ui.click(By.cssSelector("a[href='/departments/" + dept + "/years/2024']"));
        ui.click(By.linkText("自评录入"));
        assertThat(ui.main()).contains("本年度尚未开始自评");
        ui.shot("02-work-not-started");
        ui.click(By.cssSelector("#start button[type='submit']"));
        assertThat(ui.main()).contains("已开始自评");

        indicator("I-01", "产出指标", "数量指标", "培训人次", "25", "≥100人次", "");
        indicator("I-02", "效益指标", "可持续影响指标", "系统运行情况", "25", "运行良好", "定性");
        assertThat(ui.main()).contains("≥100人次", "运行良好", "定性");
        ui.shot("03-indicators");

        actual("I-01", "120人次", "");
        actual("I-02", "运行良好", "达成");
        assertThat(ui.main()).contains("120人次", "达成");

        // the bonus form double-clicked: the page posts the same Idempotency-Key twice, the ledger records it once
        ui.type(ui.in("#bonus form", "entryId"), "B-1");
        ui.type(ui.in("#bonus form", "points"), "2.5");
        ui.type(ui.in("#bonus form", "reason"), "获市政府通报表扬");
        WebElement record = browser.findElement(By.cssSelector("#bonus form button[type='submit']"));
        ui.scrollTo(record);
        browser.executeScript("arguments[0].click(); arguments[0].click();", record);
        ui.clicks += 2;
        ui.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("获市政府通报表扬"));
        assertThat(events("BonusPenaltyRecorded")).isEqualTo(1);
        ui.shot("04-bonus");

        // the judgement sheet: three rows in one submit, one without its 评分依据 is refused on its row
        ui.click(By.linkText("评分表"));
        row("M.SYSTEM", "14", "制度齐全，缺内控手册一项");
        row("M.BUDGET", "15", "");
        row("M.DISC", "15", "预决算按时公开");
        ui.click(By.cssSelector("form.sheet-form button[type='submit']"));
        WebElement refused = browser.findElement(By.id("row-M.BUDGET"));
        assertThat(refused.getText()).contains("评分依据", "不能为空");
        assertThat(ui.main()).contains("已保存 2 项评分");
        ui.scrollTo(refused);
        ui.shot("05-sheet-row-refused");
        row("M.BUDGET", "15", "按时完整编制部门预算");
        ui.click(By.cssSelector("form.sheet-form button[type='submit']"));
        assertThat(ui.main()).contains("已保存 1 项评分");
        assertThat(events("JudgementScoreEntered")).isEqualTo(3);
        ui.shot("06-sheet-saved");

        // submit: what is submitted and its digest, then the submissions page shows the same digest
        ui.click(By.linkText("导入与提交"));
        WebElement digest = browser.findElement(By.cssSelector("code.submission-digest"));
        String shown = digest.getText().trim();
        assertThat(shown).matches("[0-9a-f]{64}");
        String total = browser.findElement(By.cssSelector(".score-total")).getText();
        assertThat(ui.main()).contains("财务管理制度健全性", "将提交的总分");
        ui.scrollTo(digest);
        ui.shot("07-submit-digest");
        ui.click(By.cssSelector("#submit form.form-grid button[type='submit']"));
        assertThat(browser.getCurrentUrl()).endsWith("/departments/" + dept + "/years/2024/submissions");
        assertThat(ui.main()).contains(shown, total, "示范区评价员");
        assertThat(events("SelfEvaluationSubmitted")).isEqualTo(1);
        ui.shot("08-submitted");
        assertThat(ui.overflow()).isLessThanOrEqualTo(0);
        System.out.println(ui.report("评价 evaluator"));
    }

    private void indicator(String id, String level1, String level2, String name, String weight, String target,
            String direction) {
        String form = "#indicator form";
        ui.type(ui.in(form, "indicatorId"), id);
        ui.type(ui.in(form, "level1"), level1);
        ui.type(ui.in(form, "level2"), level2);
        ui.type(ui.in(form, "name"), name);
        ui.type(ui.in(form, "weight"), weight);
        ui.type(ui.in(form, "targetExpression"), target);
        if (!direction.isEmpty()) {
            new org.openqa.selenium.support.ui.Select(ui.in(form, "direction")).selectByVisibleText(direction);
        }
        ui.click(By.cssSelector(form + " button[type='submit']"));
    }

    private void actual(String id, String actual, String grade) {
        String form = "#actual form";
        new org.openqa.selenium.support.ui.Select(ui.in(form, "indicatorId")).selectByValue(id);
        ui.type(ui.in(form, "actual"), actual);
        if (!grade.isEmpty()) {
            new org.openqa.selenium.support.ui.Select(ui.in(form, "grade")).selectByVisibleText(grade);
        }
        ui.click(By.cssSelector(form + " button[type='submit']"));
    }

    private void row(String code, String score, String basis) {
        ui.type(browser.findElement(By.name("score[" + code + "]")), score);
        WebElement text = browser.findElement(By.name("basis[" + code + "]"));
        ui.type(text, basis);
    }
}
