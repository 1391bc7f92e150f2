package cn.perfledger.cli.support;

import cn.perfledger.cli.http.Query;
import java.time.Instant;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * The basis of a query (DOMAIN.md §3): {@code --as-of} (评价基准日: events effective on or before it) and
 * {@code --known-at} (知悉时点: events recorded at or before it). Left out, the server uses the year's 12-31 and
 * now; its answer states the basis it used.
 */
public class BasisOptions {

    @Option(names = "--as-of", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "评价基准日（含），yyyy-MM-dd；默认该年 12-31")
    LocalDate asOf;

    @Option(names = "--known-at", paramLabel = "TIME", converter = Converters.KnownAtConverter.class,
            description = "知悉时点（含）：ISO 时刻 2022-03-15T00:00:00Z、北京时间 2022-03-15T08:00 "
                    + "或日期 2022-03-15（当日结束）；默认当前")
    Instant knownAt;

    /** The basis as the API's query parameters {@code asOf} and {@code knownAt}. */
    public Query query() {
        return Query.of().add("asOf", asOf).add("knownAt", knownAt);
    }
}
