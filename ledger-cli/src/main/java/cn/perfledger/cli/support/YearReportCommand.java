package cn.perfledger.cli.support;

import cn.perfledger.cli.output.Report;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/**
 * A report of one department-year at a basis: {@code ledger NAME DEPT YEAR [--as-of] [--known-at] [--format]},
 * one {@code GET …/years/{year}/RESOURCE?asOf=&knownAt=} printed by the command's view. A report the server also
 * writes into its Excel workbook takes {@code --format xlsx} (the workbook of that basis, saved with
 * {@code --output}).
 */
public abstract class YearReportCommand extends LedgerCommand {

    @Mixin
    protected YearArguments target;

    @Mixin
    protected BasisOptions basis;

    @Mixin
    protected OutputOptions output;

    private final String resource;
    private final Function<JsonNode, Report> view;
    private final boolean inWorkbook;

    /**
     * @param resource   the resource below the year's path, e.g. {@code /evaluation}
     * @param view       the table (or CSV) the answer is shown as
     * @param inWorkbook whether {@code --format xlsx} saves the server's workbook for this report
     */
    protected YearReportCommand(String resource, Function<JsonNode, Report> view, boolean inWorkbook) {
        this.resource = resource;
        this.view = view;
        this.inWorkbook = inWorkbook;
    }

    @Override
    protected final ExitCode execute() {
        if (output.format() == Format.XLSX && inWorkbook) {
            Workbook.save(client(), target, basis, output.output(), out());
            return ExitCode.OK;
        }
        JsonNode answer = client().getJson(target.path() + resource, basis.query());
        output.print(answer, view, out());
        return IntegrityCheck.of(answer, err());
    }
}
