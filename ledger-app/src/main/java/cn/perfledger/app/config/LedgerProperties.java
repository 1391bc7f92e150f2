package cn.perfledger.app.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code ledger.*}.
 *
 * @param dataDir            directory of the embedded H2 database of the default profile ({@code ./data})
 * @param snapshotThreshold  a department-year ledger is snapshotted every this many events
 * @param aggregateCacheSize how many aggregates (department-years, departments, evaluations, rubrics) stay
 *                           loaded in memory, least recently used evicted first
 * @param aggregateCacheMaxEvents how many events the cached aggregates of one kind may hold together (0: derived
 *                           from the heap, see {@code AggregateCacheBound})
 */
@Validated
@ConfigurationProperties("ledger")
public record LedgerProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue("500") @Min(2) int snapshotThreshold,
        @DefaultValue("64") @Min(1) int aggregateCacheSize,
        @DefaultValue("0") @Min(0) long aggregateCacheMaxEvents) {
}
