package cn.perfledger.cli.audit;

import cn.perfledger.cli.http.Query;
import cn.perfledger.cli.support.Converters;
import cn.perfledger.cli.support.ExitCode;
import cn.perfledger.cli.support.LedgerCommand;
import cn.perfledger.cli.support.YearArguments;
import cn.perfledger.cli.support.OutputOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ledger why DEPT YEAR ITEM}: why a score changed between two bases A → B
 * ({@code GET …/evaluation/items/{code}/why?fromAsOf=&fromKnownAt=&toAsOf=&toKnownAt=}), step by step down to
 * the vouchers and documents.
 */
@Command(name = "why", description = "得分变动原因：两个时点 A → B 之间，哪些记录按什么顺序使该评分项（或总分）变动了多少。")
public class WhyCommand extends LedgerCommand {

    @Mixin
    YearArguments target;

    @Parameters(index = "2", paramLabel = "ITEM", description = "评分项编码，如 M.FUND.BUDGET-COMPLETION；总分用 TOTAL")
    String item;

    @Option(names = "--from-as-of", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "起点 A 的评价基准日；默认该年 12-31")
    LocalDate fromAsOf;

    @Option(names = "--from-known-at", paramLabel = "TIME", converter = Converters.KnownAtConverter.class,
            description = "起点 A 的知悉时点；默认当前")
    Instant fromKnownAt;

    @Option(names = "--to-as-of", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "终点 B 的评价基准日；默认该年 12-31")
    LocalDate toAsOf;

    @Option(names = "--to-known-at", paramLabel = "TIME", converter = Converters.KnownAtConverter.class,
            description = "终点 B 的知悉时点；默认当前")
    Instant toKnownAt;

    @Option(names = "--details", description = "表格中另列每一步的记录明细（凭证号/文号、日期、金额）")
    boolean details;

    @Mixin
    OutputOptions output;

    @Override
    protected ExitCode execute() {
        String path = target.path() + "/evaluation/items/" + Query.segment(item) + "/why";
        JsonNode why = client().getJson(path, page(0));
        // the server pages the steps: the table lists all of them, so the remaining pages are fetched too
        int pages = why.path("pageCount").asInt(1);
        if (pages > 1 && why.path("steps") instanceof ArrayNode steps) {
            for (int page = 1; page < pages; page++) {
                client().getJson(path, page(page)).path("steps").forEach(steps::add);
            }
        }
        output.print(why, answer -> WhyView.report(answer, details), out());
        return ExitCode.OK;
    }

    private Query page(int page) {
        Query query = Query.of().add("fromAsOf", fromAsOf).add("fromKnownAt", fromKnownAt).add("toAsOf", toAsOf)
                .add("toKnownAt", toKnownAt).add("size", PAGE_SIZE).add("eventsPerStep", details ? 50 : 0);
        return page == 0 ? query : query.add("page", page);
    }

    /** Steps per request: the server's largest page. */
    static final int PAGE_SIZE = 500;
}
