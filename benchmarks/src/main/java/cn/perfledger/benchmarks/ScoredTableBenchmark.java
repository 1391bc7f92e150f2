package cn.perfledger.benchmarks;

import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.ReplayIndex;
import cn.perfledger.projections.scoring.ScoredTable;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole scored 自评表 of a 100,000-voucher department-year (plus its rubric and evaluation: 30 indicators with
 * actuals, judgements, bonus and penalty) at a random basis — asOf anywhere in the year,
 * knownAt anywhere from the first voucher to after the submission — from events already in memory. Issue #3
 * target: median ≤ 50 ms once warm (SampleTime reports p0.50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ScoredTableBenchmark {

    private static final LocalDate JAN_1 = LocalDate.of(2021, 1, 1);
    private static final Instant FIRST = Instant.parse("2021-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Instant.parse("2022-04-01T00:00:00Z").getEpochSecond()
            - FIRST.getEpochSecond();

    private List<RecordedEvent> events;
    private ReplayIndex index;
    private final Random random = new Random(42);

    @Setup
    public void generate() {
        events = GeneratedYear.scoredYear(100_000, 7);
        index = ReplayIndex.of(events);
    }

    @Benchmark
    public ScoredTable scoredTableAtRandomBasis() {
        LocalDate asOf = JAN_1.plusDays(random.nextInt(365));
        Instant knownAt = FIRST.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
        return SelfEvaluationFold.replay(events, new Basis(asOf, knownAt)).scoredTable().orElseThrow();
    }

    /** The same query over the events sorted once in replay order (binary search to asOf, no per-query sort). */
    @Benchmark
    public ScoredTable scoredTableAtRandomBasisIndexed() {
        LocalDate asOf = JAN_1.plusDays(random.nextInt(365));
        Instant knownAt = FIRST.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
        return SelfEvaluationFold.replay(index, new Basis(asOf, knownAt)).scoredTable().orElseThrow();
    }

    @Benchmark
    public ScoredTable scoredTableAtYearEndAsNowKnownIndexed() {
        return SelfEvaluationFold.replay(index, new Basis(LocalDate.of(2021, 12, 31), Instant.MAX)).scoredTable()
                .orElseThrow();
    }

    @Benchmark
    public ScoredTable scoredTableAtYearEndAsNowKnown() {
        return SelfEvaluationFold.replay(events, new Basis(LocalDate.of(2021, 12, 31), Instant.MAX)).scoredTable()
                .orElseThrow();
    }
}
