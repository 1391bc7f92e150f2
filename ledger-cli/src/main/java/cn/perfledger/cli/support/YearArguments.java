package cn.perfledger.cli.support;

import cn.perfledger.cli.http.Query;
import picocli.CommandLine.Parameters;

/**
 * The {@code DEPT YEAR} a command is about: a picocli mixin (or, where both may be left out, an argument group of
 * {@code multiplicity = "0..1"}: both or none) and the API path of that department-year.
 */
public class YearArguments {

    @Parameters(index = "0", paramLabel = "DEPT", description = "部门编码，如 GZ-ZSJ")
    String department;

    @Parameters(index = "1", paramLabel = "YEAR", description = "年度，如 2021")
    int year;

    public String department() {
        return department;
    }

    public int year() {
        return year;
    }

    /** {@code /api/v1/departments/{dept}/years/{year}} with the code percent-encoded. */
    public String path() {
        return path(department, year);
    }

    /** The path of any department-year (the import names its target inside its own argument list). */
    public static String path(String department, int year) {
        return "/api/v1/departments/" + Query.segment(department) + "/years/" + year;
    }
}
