package cn.perfledger.app.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.concurrency.EventStoreAudit.StoredEvent;
import cn.perfledger.app.concurrency.RetryingLedgerClient.Reply;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.app.support.TestRubrics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The concurrent-writer scenario shared by the one-instance and the two-instance tests.
 *
 * <p><b>Writers.</b> {@code threads} writer threads (thread {@code t} talks to {@code bases[t % bases.size()]})
 * each send {@code opsPerThread} commands, chosen with a seeded random: a single voucher (55 %), a batch of 2–4
 * vouchers (20 %), a budget increase (12 %) or a partial reversal of one of its own earlier vouchers (13 %), each
 * to the department-year all threads share or to the thread's own one. Budgets are large, so no command should be
 * refused; concurrency conflicts are retried per {@link RetryingLedgerClient}. Afterwards the raw store must hold
 * exactly the accepted commands' events, once each; the sequences must be dense; the ledger's executed and
 * adjustment totals must equal the sums of what was accepted.
 *
 * <p><b>Race.</b> On a line with 1,000.00 available and 900.00 spent, eight parties start together: six
 * expenditures of 30.00, one batch of two 30.00 entries and a decrease of 40.00. Replaying the stored events in
 * sequence order must show every accepted command valid when it was applied (spent ≤ available throughout); every
 * refused one must still be refused at the final state (so exactly the allowed ones succeeded); refusals are 400
 * naming 可用预算; the batch is all or nothing.
 */
public final class WriterWorkload {

    static final int YEAR = 2021;
    private static final LocalDate FIRST_VOUCHER_DAY = LocalDate.of(YEAR, 2, 1);

    /** The ledger's own figures for a department-year: executed and budget adjustments, in fen. */
    public record Totals(long executedFen, long adjustmentsFen) {
    }

    /** What the writers did. */
    public record Stats(int writers, int commands, int accepted, int refusals, int conflictsSeen, int retries,
            int exhausted, List<String> unexpected) {
    }

    /** What the race rounds did. */
    public record RaceStats(int rounds, int commands, int accepted, int refusals, int conflictFinal,
            int partialBatches) {
    }

    /** What the clients were told was accepted for one department-year. */
    static final class Book {
        final Map<String, Long> vouchers = new ConcurrentHashMap<>();
        final Map<String, Long> reversals = new ConcurrentHashMap<>();
        final Map<String, Long> increases = new ConcurrentHashMap<>();
        final Map<String, Integer> batches = new ConcurrentHashMap<>();
    }

    private final RetryingLedgerClient client;
    private final List<String> bases;
    private final EventStoreAudit audit;
    private final Function<FiscalYearId, Totals> totals;
    private final String prefix;
    private final Map<String, Book> books = new ConcurrentHashMap<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger commands = new AtomicInteger();

    /**
     * @param prefix department code prefix, unique per test run (departments are registered by {@link #setUp})
     */
    public WriterWorkload(RetryingLedgerClient client, List<String> bases, EventStoreAudit audit,
            Function<FiscalYearId, Totals> totals, String prefix) {
        this.client = client;
        this.bases = List.copyOf(bases);
        this.audit = audit;
        this.totals = totals;
        this.prefix = prefix;
    }

    public String sharedDepartment() {
        return prefix + "S";
    }

    public String ownDepartment(int thread) {
        return prefix + "T" + thread;
    }

    public String raceDepartment() {
        return prefix + "R";
    }

    /** Registers the shared, per-thread and race departments, opens their 2021 years and lines L1, L2. */
    public void setUp(int threads) {
        List<String> departments = new ArrayList<>();
        departments.add(sharedDepartment());
        for (int t = 0; t < threads; t++) {
            departments.add(ownDepartment(t));
        }
        departments.add(raceDepartment());
        String base = bases.get(0);
        try {
            TestRubrics.ensurePublished(base);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + TestRubrics.GZ_2021, e);
        }
        for (String dept : departments) {
            registerAndOpen(base, dept);
            for (String line : List.of("L1", "L2")) {
                openLine(base, dept, line, "5000000000.00");
            }
        }
    }

    /** Registers a department with one head-office unit and opens its 2021 year. */
    public void registerAndOpen(String base, String dept) {
        client.created(base, "/api/v1/departments", """
                {"departmentId":"%s","name":"并发测试局%s","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}"""
                .formatted(dept, dept));
        client.created(base, "/api/v1/departments/" + dept + "/years", """
                {"year":2021,"rubricVersion":"gz-municipal-2021@1"}""");
    }

    /** Opens a line effective 1 January and approves its initial budget. */
    public void openLine(String base, String dept, String line, String initial) {
        String year = yearPath(dept);
        client.created(base, year + "/budget-lines", """
                {"lineId":"%s","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"PROJECT",
                 "projectCode":"P-%s","projectName":"项目%s",
                 "functionalCode":"2010101","economicCode":"30201","effectiveDate":"2021-01-01"}"""
                .formatted(line, line, line));
        client.created(base, year + "/initial-budgets", """
                {"lineId":"%s","amount":"%s","documentNo":"预-%s","effectiveDate":"2021-01-02"}"""
                .formatted(line, initial, line));
    }

    /** Runs the writers and waits for them. */
    public Stats runWriters(int threads, int opsPerThread, long seed) throws Exception {
        int conflictsBefore = client.conflictsSeen.get();
        int retriesBefore = client.retries.get();
        int exhaustedBefore = client.exhausted.get();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    writer(thread, opsPerThread, new Random(seed * 31 + thread));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Stats(threads, commands.get(), accepted.get(), refusals.get(),
                client.conflictsSeen.get() - conflictsBefore, client.retries.get() - retriesBefore,
                client.exhausted.get() - exhaustedBefore, List.copyOf(unexpected));
    }

    private void writer(int thread, int ops, Random random) {
        String base = bases.get(thread % bases.size());
        // this thread's accepted vouchers per department with what is left to reverse
        Map<String, Map<String, Long>> reversible = new HashMap<>();
        for (int op = 0; op < ops; op++) {
            String dept = random.nextBoolean() ? sharedDepartment() : ownDepartment(thread);
            Book book = book(dept);
            String tag = prefix + "-" + thread + "-" + op;
            double kind = random.nextDouble();
            Map<String, Long> mine = reversible.computeIfAbsent(dept, d -> new LinkedHashMap<>());
            if (kind < 0.13 && mine.values().stream().anyMatch(v -> v > 1)) {
                List<String> candidates = mine.entrySet().stream().filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey).toList();
                String original = candidates.get(random.nextInt(candidates.size()));
                long fen = Math.max(1, mine.get(original) / 2);
                String voucher = "冲" + tag;
                Reply reply = send(base, yearPath(dept) + "/reversals", """
                        {"voucherNo":"%s","originalVoucherNo":"%s","amount":"%s","reason":"并发冲销",
                         "effectiveDate":"2021-12-20"}""".formatted(voucher, original, yuan(fen)));
                if (reply.accepted()) {
                    book.reversals.put(voucher, fen);
                    mine.merge(original, -fen, Long::sum);
                }
            } else if (kind < 0.25) {
                long fen = 100 + random.nextInt(1_000_000);
                String doc = "追" + tag;
                Reply reply = send(base, yearPath(dept) + "/adjustments/increase", """
                        {"lineId":"L%d","amount":"%s","documentNo":"%s","reason":"并发追加",
                         "effectiveDate":"2021-06-01"}""".formatted(1 + random.nextInt(2), yuan(fen), doc));
                if (reply.accepted()) {
                    book.increases.put(doc, fen);
                }
            } else if (kind < 0.45) {
                int size = 2 + random.nextInt(3);
                List<String> numbers = new ArrayList<>();
                List<Long> amounts = new ArrayList<>();
                StringBuilder entries = new StringBuilder();
                for (int i = 0; i < size; i++) {
                    String voucher = "批" + tag + "-" + i;
                    long fen = 1 + random.nextInt(5_000_000);
                    numbers.add(voucher);
                    amounts.add(fen);
                    entries.append(i == 0 ? "" : ",").append(entry(voucher, "L" + (1 + random.nextInt(2)), fen,
                            FIRST_VOUCHER_DAY.plusDays(random.nextInt(300))));
                }
                String batchId = "b" + tag;
                Reply reply = send(base, yearPath(dept) + "/expenditure-batches",
                        "{\"batchId\":\"" + batchId + "\",\"entries\":[" + entries + "]}");
                if (reply.accepted()) {
                    book.batches.put(batchId, size);
                    for (int i = 0; i < size; i++) {
                        book.vouchers.put(numbers.get(i), amounts.get(i));
                        mine.put(numbers.get(i), amounts.get(i));
                    }
                }
            } else {
                String voucher = "记" + tag;
                long fen = 1 + random.nextInt(5_000_000);
                Reply reply = send(base, yearPath(dept) + "/expenditures", entry(voucher,
                        "L" + (1 + random.nextInt(2)), fen, FIRST_VOUCHER_DAY.plusDays(random.nextInt(300))));
                if (reply.accepted()) {
                    book.vouchers.put(voucher, fen);
                    mine.put(voucher, fen);
                }
            }
        }
    }

    private Reply send(String base, String path, String body) {
        commands.incrementAndGet();
        Reply reply = client.post(base, path, body);
        if (reply.accepted()) {
            accepted.incrementAndGet();
        } else {
            if (reply.status() == 400) {
                refusals.incrementAndGet();
            }
            unexpected.add(path + " → " + reply.status() + " " + reply.rule());
        }
        return reply;
    }

    /**
     * Every accepted command's events are in the store exactly once and nothing else is; sequences are dense;
     * the ledger's totals equal the sums of the accepted amounts. Returns the number of events checked.
     */
    public long verifyWriters() {
        long events = 0;
        for (Map.Entry<String, Book> e : books.entrySet()) {
            FiscalYearId year = FiscalYearId.of(e.getKey(), YEAR);
            Book book = e.getValue();
            String id = year.toString();
            Map<String, Integer> vouchers = audit.countBy(id, "ExpenditureRecorded", "voucherNo");
            Map<String, Integer> reversals = audit.countBy(id, "ExpenditureReversed", "voucherNo");
            Map<String, Integer> increases = audit.countBy(id, "BudgetIncreased", "documentNo");
            Map<String, Integer> batches = audit.countBy(id, "ExpenditureRecorded", "batchId");
            assertThat(vouchers).as(id + ": stored vouchers").containsOnlyKeys(book.vouchers.keySet());
            assertThat(vouchers.values()).as(id + ": each voucher stored once").allMatch(n -> n == 1);
            assertThat(reversals).as(id + ": stored reversals").containsOnlyKeys(book.reversals.keySet());
            assertThat(reversals.values()).as(id + ": each reversal stored once").allMatch(n -> n == 1);
            assertThat(increases).as(id + ": stored increases").containsOnlyKeys(book.increases.keySet());
            assertThat(increases.values()).as(id + ": each increase stored once").allMatch(n -> n == 1);
            assertThat(batches).as(id + ": every batch whole").isEqualTo(new HashMap<>(book.batches));
            long spent = book.vouchers.values().stream().mapToLong(Long::longValue).sum()
                    - book.reversals.values().stream().mapToLong(Long::longValue).sum();
            long adjusted = book.increases.values().stream().mapToLong(Long::longValue).sum();
            Totals ledger = totals.apply(year);
            assertThat(ledger.executedFen()).as(id + ": executed == Σ accepted vouchers − Σ reversals")
                    .isEqualTo(spent);
            assertThat(ledger.adjustmentsFen()).as(id + ": adjustments == Σ accepted increases")
                    .isEqualTo(adjusted);
            events += vouchers.size() + reversals.size() + increases.size();
        }
        assertThat(audit.sequenceAnomalies()).as("aggregates whose sequence is not 0..n−1").isEmpty();
        assertThat(audit.duplicateEventIdentifiers()).as("events stored twice").isZero();
        return events;
    }

    /** The race rounds: see the class comment. */
    public RaceStats race(int rounds) throws Exception {
        String dept = raceDepartment();
        String id = FiscalYearId.of(dept, YEAR).toString();
        int commandCount = 0;
        int acceptedCount = 0;
        int refusalCount = 0;
        int conflictFinal = 0;
        int partial = 0;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int r = 0; r < rounds; r++) {
                String line = "R" + r;
                openLine(bases.get(0), dept, line, "1000.00");
                client.created(bases.get(r % bases.size()), yearPath(dept) + "/expenditures",
                        entry("RB" + r, line, 90_000, FIRST_VOUCHER_DAY));
                List<String> paths = new ArrayList<>();
                List<String> bodies = new ArrayList<>();
                for (int k = 0; k < 6; k++) {
                    paths.add("/expenditures");
                    bodies.add(entry("RC" + r + "-E" + k, line, 3_000, FIRST_VOUCHER_DAY.plusDays(k)));
                }
                paths.add("/expenditure-batches");
                bodies.add("{\"batchId\":\"race-" + r + "\",\"entries\":[" + entry("RC" + r + "-B1", line, 3_000,
                        FIRST_VOUCHER_DAY) + "," + entry("RC" + r + "-B2", line, 3_000, FIRST_VOUCHER_DAY) + "]}");
                paths.add("/adjustments/decrease");
                bodies.add("""
                        {"lineId":"%s","amount":"40.00","documentNo":"减-%d","reason":"调减","effectiveDate":"2021-03-01"}"""
                        .formatted(line, r));
                CyclicBarrier start = new CyclicBarrier(paths.size());
                List<Future<Reply>> futures = new ArrayList<>();
                for (int p = 0; p < paths.size(); p++) {
                    String base = bases.get((p + r) % bases.size());
                    String path = yearPath(dept) + paths.get(p);
                    String body = bodies.get(p);
                    futures.add(pool.submit(() -> {
                        start.await();
                        return client.post(base, path, body);
                    }));
                }
                List<Reply> replies = new ArrayList<>();
                for (Future<Reply> f : futures) {
                    replies.add(f.get(60, TimeUnit.SECONDS));
                }
                commandCount += replies.size();

                // replay the line's stored history in sequence order: every applied command was allowed then
                long available = 0;
                long spent = 0;
                Map<String, Integer> raceVouchers = new HashMap<>();
                boolean decreased = false;
                for (StoredEvent event : audit.stream(id)) {
                    if (!line.equals(EventStoreAudit.text(event.payload(), "lineId"))) {
                        continue;
                    }
                    String amount = EventStoreAudit.text(event.payload(), "amount");
                    long fen = amount == null ? 0 : fen(amount);
                    switch (event.type()) {
                        case "InitialBudgetApproved" -> available += fen;
                        case "BudgetDecreased" -> {
                            assertThat(available - fen).as(line + " decrease at seq " + event.sequenceNumber())
                                    .isGreaterThanOrEqualTo(spent);
                            available -= fen;
                            decreased = true;
                        }
                        case "ExpenditureRecorded" -> {
                            spent += fen;
                            assertThat(spent).as(line + " spent ≤ available at seq " + event.sequenceNumber())
                                    .isLessThanOrEqualTo(available);
                            raceVouchers.merge(EventStoreAudit.text(event.payload(), "voucherNo"), 1,
                                    Integer::sum);
                        }
                        default -> {
                        }
                    }
                }
                assertThat(raceVouchers.values()).as(line + ": no voucher twice").allMatch(n -> n == 1);
                for (int p = 0; p < replies.size(); p++) {
                    Reply reply = replies.get(p);
                    boolean isDecrease = p == replies.size() - 1;
                    boolean isBatch = p == replies.size() - 2;
                    boolean stored = isDecrease ? decreased
                            : isBatch ? raceVouchers.containsKey("RC" + r + "-B1")
                            : raceVouchers.containsKey("RC" + r + "-E" + p);
                    if (isBatch && raceVouchers.containsKey("RC" + r + "-B1")
                            != raceVouchers.containsKey("RC" + r + "-B2")) {
                        partial++;
                    }
                    assertThat(stored).as(line + " party " + p + " stored iff accepted: " + reply)
                            .isEqualTo(reply.accepted());
                    if (reply.accepted()) {
                        acceptedCount++;
                    } else if (reply.status() == 400) {
                        refusalCount++;
                        assertThat(reply.rule()).as("refusal names 可用预算").contains("可用预算");
                        // still refused at the final (tightest) state: the refusal was not premature
                        if (isDecrease) {
                            assertThat(available - 4_000).as(line + " refused decrease").isLessThan(spent);
                        } else {
                            long amount = isBatch ? 6_000 : 3_000;
                            assertThat(spent + amount).as(line + " refused expenditure").isGreaterThan(available);
                        }
                    } else {
                        assertThat(reply.concurrencyConflict()).as("a clear error: " + reply).isTrue();
                        conflictFinal++;
                    }
                }
                assertThat(spent).as(line + " invariant").isLessThanOrEqualTo(available);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(partial).as("partial batches").isZero();
        assertThat(audit.sequenceAnomalies()).isEmpty();
        return new RaceStats(rounds, commandCount, acceptedCount, refusalCount, conflictFinal, partial);
    }

    /** The figures box printed by the tests. */
    public static String box(String title, Stats w, long eventsChecked, RaceStats race, List<String> extra) {
        List<String> lines = new ArrayList<>();
        lines.add(title);
        lines.add(String.format("writers × commands: %d × %d = %d commands (%d HTTP requests incl. retries)",
                w.writers(), w.commands() / Math.max(1, w.writers()), w.commands(), w.commands() + w.retries()));
        lines.add(String.format("accepted: %d   refusals: %d   unexpected: %d", w.accepted(), w.refusals(),
                w.unexpected().size()));
        lines.add(String.format("409 并发修改冲突 seen: %d   retried: %d   gave up after %d attempts: %d",
                w.conflictsSeen(), w.retries(), RetryingLedgerClient.MAX_ATTEMPTS, w.exhausted()));
        lines.add(String.format("events checked against the accepted commands: %d   lost: 0   duplicated: 0"
                + "   sequence gaps: 0", eventsChecked));
        lines.add(String.format("race: %d rounds × 8 parties = %d commands: accepted %d, refused 400 可用预算 %d,"
                + " final 409 %d, partial batches %d", race.rounds(), race.commands(), race.accepted(),
                race.refusals(), race.conflictFinal(), race.partialBatches()));
        lines.addAll(extra);
        int width = lines.stream().mapToInt(WriterWorkload::displayWidth).max().orElse(40) + 2;
        StringBuilder out = new StringBuilder("\n╔").append("═".repeat(width)).append("╗\n");
        for (String line : lines) {
            out.append("║ ").append(line).append(" ".repeat(width - 1 - displayWidth(line))).append("║\n");
        }
        return out.append("╚").append("═".repeat(width)).append("╝\n").toString();
    }

    private static int displayWidth(String s) {
        return s.codePoints().map(c -> c >= 0x2E80 && c != 0x2212 && c != 0x2264 ? 2 : 1).sum();
    }

    Book book(String dept) {
        return books.computeIfAbsent(dept, d -> new Book());
    }

    static String yearPath(String dept) {
        return "/api/v1/departments/" + dept + "/years/" + YEAR;
    }

    static String entry(String voucher, String line, long fen, LocalDate date) {
        return """
                {"voucherNo":"%s","lineId":"%s","amount":"%s","effectiveDate":"%s","summary":"并发测试"}"""
                .formatted(voucher, line, yuan(fen), date);
    }

    static String yuan(long fen) {
        return (fen / 100) + "." + String.format("%02d", fen % 100);
    }

    static long fen(String yuan) {
        return new java.math.BigDecimal(yuan).movePointRight(2).longValueExact();
    }
}
