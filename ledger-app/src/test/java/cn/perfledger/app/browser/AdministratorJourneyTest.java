package cn.perfledger.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.demo.DemoUsers;
import cn.perfledger.app.support.DemoServer;
import cn.perfledger.app.support.UiForms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journey (c) of issue 13: the demo administrator creates a department with its 本级 and two more units, a clerk
 * and an evaluator scoped to it, uploads a rubric file whose weights do not add up (refused, the node and the rule
 * shown, nothing published), fixes it, publishes it, and views its tree. Then the new evaluator signs in and sees
 * only his department.
 */
class AdministratorJourneyTest extends DemoServer {

    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver browser;
    JourneyPages ui;
    Path files;

    @BeforeEach
    void browser() throws Exception {
        browser = HeadlessChromium.start(Files.createTempDirectory("ledger-downloads-"));
        ui = new JourneyPages(browser, url(""), "admin");
        files = Files.createTempDirectory("ledger-rubric-files-");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void administrator_createsTheDepartmentUnitsAndUsers_andPublishesARubricFileAfterFixingIt() throws Exception {
        String dept = UiForms.newDepartment("JA");
        String version = "ui-admin-" + Long.toString(System.nanoTime(), 36) + "@1";
        ui.signIn("admin", DemoUsers.PASSWORD);
        ui.click(By.linkText("管理"));

        String form = "#department form";
        ui.type(ui.in(form, "departmentId"), dept);
        ui.type(ui.in(form, "name"), "示范区政务服务数据管理局");
        ui.type(ui.in(form, "jurisdiction"), "示范区");
        ui.date(ui.in(form, "effectiveDate"), "2024-01-01");
        ui.shot("01-register-department");
        ui.click(By.cssSelector(form + " button[type='submit']"));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/departments/" + dept);
        assertThat(ui.main()).contains("已登记部门 " + dept, "示范区政务服务数据管理局", "本级");

        unit("ZX", "示范区数字政府运营中心");
        unit("FW", "示范区政务服务中心");
        assertThat(ui.main()).contains("示范区数字政府运营中心", "示范区政务服务中心");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, dept)).isEqualTo(3);
        ui.shot("02-department-units");

        ui.click(By.linkText("用户与权限"));
        String evaluator = "pj-" + dept.toLowerCase();
        user("lr-" + dept.toLowerCase(), "示范区录入员", "CLERK", dept);
        user(evaluator, "示范区评价员", "EVALUATOR", dept);
        WebElement row = browser.findElement(By.id("user-" + evaluator));
        assertThat(row.getText()).contains("示范区评价员", "评价", dept);
        ui.scrollTo(row);
        ui.shot("03-users");

        // the rubric file: first with a leaf of 16 in a group of 15+15+15 = 45, refused with the node and the rule
        String good = UiForms.smallRubric(version).replace("\"allDepartments\": true",
                "\"allDepartments\": false, \"departments\": [\"" + dept + "\"]");
        Path broken = files.resolve("rubric.json");
        Files.writeString(broken, good.replace("\"name\": \"预决算信息公开\", \"weight\": 15",
                "\"name\": \"预决算信息公开\", \"weight\": 16"), StandardCharsets.UTF_8);
        ui.click(By.linkText("发布评价体系"));
        browser.findElement(By.name("file")).sendKeys(broken.toAbsolutePath().toString());
        ui.click(By.cssSelector("#rubric button[type='submit']"));
        String refused = ui.main();
        assertThat(refused).contains("rubric.json 未发布");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, version)).isZero();
        ui.shot("04-rubric-refused");

        Path fixed = files.resolve("rubric-fixed.json");
        Files.writeString(fixed, good, StandardCharsets.UTF_8);
        browser.findElement(By.name("file")).sendKeys(fixed.toAbsolutePath().toString());
        ui.click(By.cssSelector("#rubric button[type='submit']"));
        assertThat(browser.getCurrentUrl()).endsWith("/rubrics/" + version);
        String tree = ui.main();
        assertThat(tree).contains("已发布评价体系版本 " + version, "示范区部门整体支出绩效自评指标体系（2024年度）",
                "财务管理制度健全性", "评价人", "加减分项", dept);
        ui.shot("05-rubric-tree");
        browser.executeScript("window.scrollTo(0, document.body.scrollHeight)");
        ui.shot("06-rubric-tree-end");
        assertThat(ui.overflow()).isLessThanOrEqualTo(0);
        System.out.println(ui.report("管理 administrator"));

        // the evaluator just created signs in and sees his department, nothing else
        ui.click(By.cssSelector("button.logout"));
        ui.signIn(evaluator, "evaluator-pass-2024");
        assertThat(ui.main()).doesNotContain("GZ-ZSJ");
        ui.shot("07-new-evaluator-signed-in");
    }

    private void unit(String code, String name) {
        String form = "#units form";
        ui.type(ui.in(form, "unitCode"), code);
        ui.type(ui.in(form, "unitName"), name);
        ui.date(ui.in(form, "effectiveDate"), "2024-01-01");
        ui.click(By.cssSelector(form + " button[type='submit']"));
        assertThat(ui.main()).contains("已新增单位 " + code);
    }

    private void user(String username, String name, String role, String dept) {
        String form = "#create form";
        ui.type(ui.in(form, "username"), username);
        ui.type(ui.in(form, "displayName"), name);
        ui.type(ui.in(form, "password"), "evaluator-pass-2024");
        ui.type(ui.in(form, "departments"), dept);
        WebElement box = browser.findElement(By.cssSelector(form + " input[name='roles'][value='" + role + "']"));
        ui.scrollTo(box);
        box.click();
        ui.click(By.cssSelector(form + " button[type='submit']"));
        assertThat(ui.main()).contains("已新建用户 " + username);
    }
}
