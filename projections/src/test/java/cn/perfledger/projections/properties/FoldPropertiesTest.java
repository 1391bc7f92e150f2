package cn.perfledger.projections.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.perfledger.domain.budget.BudgetEvent;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.ExecutionNoticeRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.domain.evaluation.BonusPenaltyEntryId;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.evaluation.EvaluationEvent;
import cn.perfledger.domain.evaluation.EvaluationEvent.BonusPenaltyRecorded;
import cn.perfledger.domain.rubric.RubricEvent;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.Replay;
import cn.perfledger.projections.basis.ReplayIndex;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.ledger.CarryOverReport;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.properties.RandomYear.Entry;
import cn.perfledger.projections.properties.RandomYear.LineInfo;
import cn.perfledger.projections.scoring.ScoredTable;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Seeded randomized properties of the as-of folds (DESIGN.md "Property tests"; jqwik is not used, see
 * SETUP-NOTES). Each property runs {@value #DEFAULT_CASES} random department-years of {@link RandomYear} (every
 * event kind, a rubric with every rule kind), each checked at several random bases, and compares the whole answer —
 * scored 自评表, execution report, 结转结余 report, indicator report — as bytes of {@link CanonicalWriter} and with
 * {@code equals}.
 *
 * <p>The master seed is printed ({@code seed=…}); replay a failure with {@code -Dproperties.seed=<seed>} (the
 * failure message also names the case and its own seed). {@code -Dproperties.cases=N} changes the case count.
 * The four properties share nothing but the seed and run at the same time (the slowest class of the module).
 */
@Execution(ExecutionMode.CONCURRENT)
class FoldPropertiesTest {

    static final int DEFAULT_CASES = 200;
    private static long seed;
    private static int cases;

    /** Everything a basis answers for the year, as one record. */
    record Results(Optional<ScoredTable> scoredTable, ExecutionReport execution, CarryOverReport carryOver,
            IndicatorReport indicators) {

        static Results of(SelfEvaluationFold fold) {
            LedgerMetrics metrics = new LedgerMetrics(fold.ledger());
            return new Results(fold.scoredTable(), ExecutionReport.of(metrics), CarryOverReport.of(metrics),
                    fold.indicatorReport());
        }

        static Results at(List<RecordedEvent> events, Basis basis) {
            return of(SelfEvaluationFold.replay(events, basis));
        }

        String bytes() {
            return CanonicalWriter.write(this);
        }

        String withoutLineage() {
            return CanonicalWriter.write(this, true);
        }
    }

    @BeforeAll
    static void seed() {
        String given = System.getProperty("properties.seed");
        seed = given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.strip());
        cases = Integer.getInteger("properties.cases", DEFAULT_CASES);
        System.out.println("FoldPropertiesTest seed=" + seed + " cases=" + cases
                + "  (replay: -Dproperties.seed=" + seed + ")");
    }

    /** Runs one property over {@link #cases} cases, each from its own seed, naming seed and case on failure. */
    private static void forAll(String property, int salt, LongConsumer check) {
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            long caseSeed = new Random(seed ^ (salt * 0x9E3779B97F4A7C15L) ^ (i * 0xC2B2AE3D27D4EB4FL)).nextLong();
            try {
                check.accept(caseSeed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(property + " failed: seed=" + seed + " case=" + i + " caseSeed=" + caseSeed
                        + " (replay: -Dproperties.seed=" + seed + "): " + e.getMessage(), e);
            }
        }
        System.out.printf("  %-58s %d cases in %d ms%n", property, cases,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    // --- the store ------------------------------------------------------------------------------------------

    /** The entries as the store holds them: global sequence = position in recording order. */
    static List<RecordedEvent> store(List<Entry> entries) {
        List<RecordedEvent> events = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            events.add(new RecordedEvent(i, aggregateId(entry.payload()), i, "event-" + i, entry.recordedAt(),
                    effectiveDate(entry.payload()), entry.payload(), Map.of()));
        }
        return events;
    }

    static LocalDate effectiveDate(Object payload) {
        return ((LedgerEvent) payload).effectiveDate();
    }

    static String aggregateId(Object payload) {
        if (payload instanceof BudgetEvent e) {
            return e.fiscalYearId().toString();
        } else if (payload instanceof EvaluationEvent e) {
            return e.evaluationId().toString();
        }
        return ((RubricEvent) payload).rubricVersionId().toString();
    }

    /** A random basis: asOf from before the year to after the evaluation; knownAt anywhere, often an exact recording. */
    static Basis randomBasis(Random random, List<Entry> entries) {
        LocalDate asOf = LocalDate.of(2020, 12, 25).plusDays(random.nextInt(480));
        int pick = random.nextInt(10);
        Instant knownAt;
        if (pick < 3) {
            knownAt = Instant.MAX;
        } else if (pick < 6) {
            knownAt = entries.get(random.nextInt(entries.size())).recordedAt();
        } else {
            Instant first = entries.get(0).recordedAt().minus(1, ChronoUnit.DAYS);
            Instant last = entries.get(entries.size() - 1).recordedAt().plus(1, ChronoUnit.DAYS);
            knownAt = first.plusMillis((long) (random.nextDouble() * Duration.between(first, last).toMillis()));
        }
        return new Basis(asOf, knownAt);
    }

    // --- (1) same basis ⇒ same bytes --------------------------------------------------------------------------

    @Test
    void sameBasis_givesIdenticalBytes() {
        forAll("(1) same basis => identical bytes", 1, caseSeed -> {
            Random random = new Random(caseSeed);
            RandomYear year = RandomYear.generate(caseSeed);
            List<RecordedEvent> events = store(year.entries);
            for (int b = 0; b < 2; b++) {
                Basis basis = randomBasis(random, year.entries);
                Results first = Results.at(events, basis);
                // The store may hand the events over in any order (streams merged, a cache topped up): same answer.
                List<RecordedEvent> shuffled = new ArrayList<>(events);
                Collections.shuffle(shuffled, random);
                Results again = Results.at(shuffled, new Basis(basis.asOf(), basis.knownAt()));
                assertEquals(first, again, "equals at " + basis);
                assertEquals(first.toString(), again.toString(), "toString at " + basis);
                assertSameBytes(first.bytes(), again.bytes(), "bytes at " + basis);
                // The pre-sorted index (the as-of fast path) selects the same events in the same order.
                assertSameBytes(first.bytes(), Results.at(ReplayIndex.of(shuffled), basis).bytes(),
                        "bytes through the replay index at " + basis);
            }
        });
    }

    // --- (2) a late event changes only the bases that know it ------------------------------------------------

    @Test
    void lateEvent_changesResultsOnlyForKnownAtFromItsRecording() {
        int[] changed = new int[1];
        forAll("(2) late event visible only for knownAt >= its recording", 2, caseSeed -> {
            Random random = new Random(caseSeed);
            RandomYear year = RandomYear.generate(caseSeed);
            List<Entry> entries = year.entries;
            int k = entries.size() / 5 + random.nextInt(entries.size() - entries.size() / 5);
            Instant bigK = entries.get(k).recordedAt();
            LocalDate kDay = effectiveDate(entries.get(k).payload());
            LocalDate kRecordedDay = LocalDate.ofInstant(bigK, java.time.ZoneOffset.UTC);
            LocalDate latestEffective = min(kRecordedDay, RandomYear.DEC_31.plusDays(1)).minusDays(1);
            Object late = lateEvent(random, year, bigK, latestEffective);
            if (late == null) {
                return;
            }
            LocalDate lateDate = effectiveDate(late);
            assertTrue(lateDate.isBefore(kRecordedDay) && !lateDate.isAfter(kDay.isAfter(lateDate) ? kDay : lateDate));
            Instant lateRecordedAt = bigK.plusMillis(500);
            List<Entry> with = new ArrayList<>(entries);
            with.add(k + 1, new Entry(late, lateRecordedAt));
            List<RecordedEvent> withoutEvents = store(entries);
            List<RecordedEvent> withEvents = store(with);

            for (int b = 0; b < 3; b++) {
                // knownAt before the late recording: K itself, or any instant up to just before it.
                Basis basis = new Basis(LocalDate.of(2020, 12, 25).plusDays(random.nextInt(480)),
                        b == 0 ? bigK : b == 1 ? lateRecordedAt.minusNanos(1) : randomBefore(random, entries, lateRecordedAt));
                Results without = Results.at(withoutEvents, basis);
                Results withLate = Results.at(withEvents, basis);
                assertSameBytes(without.bytes(), withLate.bytes(), "a basis known before the late event sees it: " + basis);
                assertEquals(without, withLate, "a basis known before the late event sees it: " + basis);
            }
            for (int b = 0; b < 3; b++) {
                Instant knownAt = b == 0 ? lateRecordedAt : b == 1 ? Instant.MAX
                        : lateRecordedAt.plusSeconds(random.nextInt(400 * 86_400));
                LocalDate asOf = b < 2 || random.nextBoolean() ? between(random, lateDate, LocalDate.of(2022, 4, 30))
                        : between(random, LocalDate.of(2020, 12, 25), lateDate.minusDays(1));
                Basis basis = new Basis(asOf, knownAt);
                SelfEvaluationFold without = SelfEvaluationFold.replay(withoutEvents, basis);
                SelfEvaluationFold withLate = SelfEvaluationFold.replay(withEvents, basis);
                if (asOf.isBefore(lateDate)) {
                    assertSameBytes(Results.of(without).withoutLineage(), Results.of(withLate).withoutLineage(),
                            "effective after asOf, so the late event changes nothing at " + basis);
                    continue;
                }
                changed[0]++;
                assertLateEventCounted(late, without, withLate, basis);
            }
        });
        System.out.println("      bases where the late event was known and effective: " + changed[0]);
    }

    private static void assertLateEventCounted(Object late, SelfEvaluationFold without, SelfEvaluationFold withLate,
            Basis basis) {
        var before = new LedgerMetrics(without.ledger()).total();
        var after = new LedgerMetrics(withLate.ledger()).total();
        if (late instanceof ExpenditureRecorded e) {
            assertEquals(before.executed().plus(e.amount()), after.executed(), "executed at " + basis);
        } else if (late instanceof BudgetIncreased e) {
            assertEquals(before.fullYear().plus(e.amount()), after.fullYear(), "full-year budget at " + basis);
        } else if (late instanceof BonusPenaltyRecorded e) {
            assertEquals(without.evaluation().bonusPenalties().size() + 1, withLate.evaluation().bonusPenalties().size(),
                    "bonus entries at " + basis);
            assertTrue(withLate.evaluation().bonusPenalties().stream().anyMatch(p -> p.entryId().equals(e.entryId())));
        }
    }

    /**
     * A valid event recorded after K, effective before K's day: an expenditure within the generator's reserve, a
     * budget increase (both flagged as post-close corrections when the close was recorded before K), or a bonus.
     */
    private static Object lateEvent(Random random, RandomYear year, Instant bigK, LocalDate latestEffective) {
        boolean closed = year.closeEvent != null && !year.recordedAt(year.closeEvent).isAfter(bigK);
        String postClose = closed ? "结账后补记：审计发现漏记" : null;
        List<LineInfo> lines = year.lineInfos.stream()
                .filter(line -> !year.recordedAt(line.approval()).isAfter(bigK))
                .filter(line -> !line.opened().isAfter(latestEffective)).toList();
        int kind = random.nextInt(3);
        if (kind == 2 || lines.isEmpty()) {
            if (latestEffective.isBefore(RandomYear.JAN_1)) {
                return null;
            }
            return new BonusPenaltyRecorded(RandomYear.EVALUATION, new BonusPenaltyEntryId("LATE"),
                    random.nextBoolean() ? BonusPenaltyKind.BONUS : BonusPenaltyKind.PENALTY, new BigDecimal("1.50"),
                    "迟到的表彰", "文-迟", between(random, RandomYear.JAN_1, latestEffective));
        }
        LineInfo line = lines.get(random.nextInt(lines.size()));
        LocalDate date = between(random, line.opened(), latestEffective);
        Money amount = Money.ofFen(1 + random.nextInt((int) RandomYear.RESERVE_FEN));
        if (kind == 0) {
            return new ExpenditureRecorded(RandomYear.YEAR, new VoucherNo("LATE-1"), line.id(), amount, date, "迟到收款人",
                    "补记凭证", null, null, postClose);
        }
        return new BudgetIncreased(RandomYear.YEAR, line.id(), amount, "追-迟", "补记追加", date, postClose);
    }

    private static Instant randomBefore(Random random, List<Entry> entries, Instant before) {
        Instant first = entries.get(0).recordedAt().minus(1, ChronoUnit.DAYS);
        long span = Duration.between(first, before).toMillis();
        return first.plusMillis((long) (random.nextDouble() * span)).isBefore(before)
                ? first.plusMillis((long) (random.nextDouble() * span)) : first;
    }

    // --- (3) incremental == from scratch ---------------------------------------------------------------------

    @Test
    void incrementalFold_equalsFromScratch_atRandomCutPoints() {
        int[] cuts = new int[1];
        forAll("(3) incremental fold == from-scratch fold", 3, caseSeed -> {
            Random random = new Random(caseSeed);
            RandomYear year = RandomYear.generate(caseSeed);
            List<RecordedEvent> events = store(year.entries);
            Basis basis = randomBasis(random, year.entries);
            List<RecordedEvent> admitted = Replay.select(events, basis);
            TreeSet<Integer> cutPoints = new TreeSet<>();
            for (int c = 0; c < 3; c++) {
                cutPoints.add(random.nextInt(admitted.size() + 1));
            }
            for (int i = 0; i < admitted.size(); i++) {
                // A live read model is queried between any two events, e.g. right after a notice whose day is not over.
                if (admitted.get(i).payload() instanceof ExecutionNoticeRecorded && random.nextInt(4) == 0) {
                    cutPoints.add(i + 1);
                }
            }
            cutPoints.add(admitted.size());
            SelfEvaluationFold live = new SelfEvaluationFold();
            int fed = 0;
            for (int cut : cutPoints) {
                while (fed < cut) {
                    live.accept(admitted.get(fed++));
                }
                SelfEvaluationFold scratch = new SelfEvaluationFold();
                admitted.subList(0, cut).forEach(scratch);
                Results incremental = Results.of(live);
                Results fromScratch = Results.of(scratch);
                assertSameBytes(fromScratch.bytes(), incremental.bytes(), "after " + cut + " of " + admitted.size()
                        + " events (" + (cut == 0 ? "none" : admitted.get(cut - 1).type()) + ") at " + basis);
                assertEquals(fromScratch, incremental);
                cuts[0]++;
            }
            assertEquals(Results.at(events, basis), Results.of(live), "the live fold equals the replay at " + basis);
        });
        System.out.println("      cut points compared: " + cuts[0]);
    }

    // --- (4) recording order of different effective dates does not matter ----------------------------------

    @Test
    void recordingOrderOfDistinctEffectiveDates_doesNotChangeAsOfResults() {
        forAll("(4) recording order across effective dates irrelevant", 4, caseSeed -> {
            Random random = new Random(caseSeed);
            RandomYear year = RandomYear.generate(caseSeed);
            List<Entry> entries = year.entries;
            List<Entry> reordered = reorderAcrossDates(random, entries);
            List<RecordedEvent> original = store(entries);
            List<RecordedEvent> permuted = store(reordered);
            for (int b = 0; b < 2; b++) {
                Basis basis = new Basis(LocalDate.of(2020, 12, 25).plusDays(random.nextInt(480)), Instant.MAX);
                assertSameBytes(Results.at(original, basis).withoutLineage(), Results.at(permuted, basis).withoutLineage(),
                        "asOf " + basis.asOf());
            }
        });
    }

    /**
     * A random recording order in which events of different effective dates interleave freely while events sharing
     * an effective date keep their relative order (their tie-break is the recording order, by definition). Recording
     * times are reassigned one second apart.
     */
    static List<Entry> reorderAcrossDates(Random random, List<Entry> entries) {
        Map<LocalDate, List<Entry>> byDate = new LinkedHashMap<>();
        for (Entry entry : entries) {
            byDate.computeIfAbsent(effectiveDate(entry.payload()), d -> new ArrayList<>()).add(entry);
        }
        record Keyed(double key, Entry entry) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (List<Entry> sameDate : byDate.values()) {
            double[] keys = new double[sameDate.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = random.nextDouble();
            }
            java.util.Arrays.sort(keys);
            for (int i = 0; i < keys.length; i++) {
                keyed.add(new Keyed(keys[i], sameDate.get(i)));
            }
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key));
        Instant start = entries.get(0).recordedAt();
        List<Entry> result = new ArrayList<>(keyed.size());
        for (int i = 0; i < keyed.size(); i++) {
            result.add(new Entry(keyed.get(i).entry().payload(), start.plusSeconds(i)));
        }
        return result;
    }

    static void assertSameBytes(String expected, String actual, String message) {
        if (!expected.equals(actual)) {
            throw new AssertionError(message + ": " + CanonicalWriter.firstDifference(expected, actual));
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    static LocalDate between(Random random, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
