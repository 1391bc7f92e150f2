package cn.perfledger.benchmarks;

import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.Replay;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.ledger.LedgerFold;
import cn.perfledger.projections.ledger.LedgerMetrics;
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

/** The whole execution report of a 100,000-voucher year at a random basis, from events already in memory. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AsOfReplayBenchmark {

    private List<RecordedEvent> events;
    private final Random random = new Random(42);

    @Setup
    public void generate() {
        events = GeneratedYear.events(100_000, 7);
    }

    @Benchmark
    public ExecutionReport executionReportAtRandomBasis() {
        LocalDate asOf = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(365));
        LedgerFold fold = Replay.fold(events, new Basis(asOf, Instant.MAX), new LedgerFold());
        return ExecutionReport.of(new LedgerMetrics(fold));
    }
}
