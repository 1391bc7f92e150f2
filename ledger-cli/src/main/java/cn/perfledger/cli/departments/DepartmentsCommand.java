package cn.perfledger.cli.departments;

import cn.perfledger.cli.http.Query;
import cn.perfledger.cli.output.Column;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.output.Report;
import cn.perfledger.cli.output.Table;
import cn.perfledger.cli.support.ExitCode;
import cn.perfledger.cli.support.IntegrityCheck;
import cn.perfledger.cli.support.Labels;
import cn.perfledger.cli.support.LedgerCommand;
import cn.perfledger.cli.support.OutputOptions;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ledger departments}: the departments with their years ({@code GET /api/v1/departments}). */
@Command(name = "departments", description = "部门与年度列表：部门编码、名称、各年度及所用评价体系版本、状态。")
public class DepartmentsCommand extends LedgerCommand {

    @Mixin
    OutputOptions output;

    @Override
    protected ExitCode execute() {
        JsonNode departments = client().getJson("/api/v1/departments", Query.of());
        output.print(departments, DepartmentsCommand::report, out());
        // a list, not figures: a broken year is warned about on stderr (its own commands exit 9)
        IntegrityCheck.of(departments, err());
        return ExitCode.OK;
    }

    /** One row per department-year (a department without a year still gets a row). */
    static Report report(JsonNode departments) {
        Table table = new Table(Column.text("部门编码"), Column.text("部门名称", 40), Column.text("辖区"),
                Column.of("单位数", Column.Kind.COUNT), Column.text("年度"), Column.text("评价体系版本"),
                Column.text("状态"));
        for (JsonNode department : departments) {
            String code = Json.text(department, "departmentId");
            String name = Json.text(department, "name");
            String jurisdiction = Json.text(department, "jurisdiction");
            String units = String.valueOf(department.path("units").size());
            JsonNode years = department.path("years");
            if (years.isEmpty()) {
                table.row(code, name, jurisdiction, units, null, null, null);
            }
            for (JsonNode year : years) {
                table.row(code, name, jurisdiction, units, Json.text(year, "year"), Json.text(year, "rubricVersion"),
                        Labels.of(Json.text(year, "status")));
            }
        }
        return Report.builder()
                .heading("部门与年度（共 " + departments.size() + " 个部门）")
                .section("", table)
                .build();
    }
}
