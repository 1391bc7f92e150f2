package cn.perfledger.benchmarks.http;

import cn.perfledger.benchmarks.http.LedgerOp.Budget;
import cn.perfledger.benchmarks.http.LedgerOp.Reversal;
import cn.perfledger.benchmarks.http.LedgerOp.Voucher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ledger-cli and hledger (Debian packages {@code ledger}, {@code hledger}; installed with apt-get if absent) over
 * the same generated year, written as a plain-text journal both read: budgets on {@code Budget:<line>} against
 * {@code Funding:Appropriation}, vouchers and reversals on {@code Expenses:<line>} against {@code Assets:Treasury}.
 * The balance of a line's accounts at a date is its full-year budget and its execution, exactly what the product's
 * {@code …/execution} shows per line.
 */
final class Peers {

    /** A peer's per-line balances at a date, in fen: line → [budget, executed]. */
    record Balances(Map<String, long[]> byLine, double seconds) {
    }

    private static final Pattern LEDGER_LINE = Pattern.compile("^\\s*(-?[0-9,]+(?:\\.[0-9]+)?)\\s+(Budget|Expenses):(\\S+)\\s*$");
    private static final Pattern CSV_LINE = Pattern.compile("^\"(Budget|Expenses):([^\"]+)\",\"(-?[0-9,.]+)\"$");

    private Peers() {
    }

    /** Whether {@code tool} is on the PATH; tries {@code apt-get install -y ledger hledger} once if not. */
    static boolean ensureInstalled(Report report) {
        if (onPath("ledger") && onPath("hledger")) {
            return true;
        }
        report.info("installing Debian's ledger and hledger (apt-get install -y ledger hledger)");
        run(List.of("apt-get", "install", "-y", "-q", "ledger", "hledger"), 900);
        if (!(onPath("ledger") && onPath("hledger"))) {
            run(List.of("apt-get", "update", "-q"), 600);
            run(List.of("apt-get", "install", "-y", "-q", "ledger", "hledger"), 900);
        }
        return onPath("ledger") && onPath("hledger");
    }

    private static boolean onPath(String tool) {
        return run(List.of("sh", "-c", "command -v " + tool), 30) == 0;
    }

    /** Writes the year's journal; both peers read this one file. */
    static Path writeJournal(YearPlan plan, Path file) {
        StringBuilder journal = new StringBuilder(plan.stream.size() * 110);
        journal.append("; generated year ").append(plan.spec).append('\n');
        for (Budget b : plan.initialBudgets) {
            budget(journal, b.date(), b.documentNo() + " 年初预算", b.lineId(), b.fen());
        }
        for (LedgerOp op : plan.stream) {
            if (op instanceof Voucher v) {
                posting(journal, v.date(), v.voucherNo() + " " + v.summary(), "Expenses:" + v.lineId(), v.fen(), "Assets:Treasury");
            } else if (op instanceof Reversal r) {
                posting(journal, r.date(), r.voucherNo() + " 冲销 " + r.originalVoucherNo(), "Expenses:" + r.lineId(), -r.fen(),
                        "Assets:Treasury");
            } else if (op instanceof Budget b) {
                switch (b.kind()) {
                    case INCREASE -> budget(journal, b.date(), b.documentNo() + " 追加", b.lineId(), b.fen());
                    case DECREASE -> budget(journal, b.date(), b.documentNo() + " 追减", b.lineId(), -b.fen());
                    case TRANSFER -> posting(journal, b.date(), b.documentNo() + " 调剂", "Budget:" + b.targetLineId(),
                            b.fen(), "Budget:" + b.lineId());
                    case INITIAL -> throw new IllegalStateException("initial budgets are not in the stream");
                }
            }
        }
        try {
            Files.writeString(file, journal, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void budget(StringBuilder journal, LocalDate date, String payee, String line, long fen) {
        posting(journal, date, payee, "Budget:" + line, fen, "Funding:Appropriation");
    }

    private static void posting(StringBuilder journal, LocalDate date, String payee, String account, long fen,
            String balancing) {
        journal.append(date).append(" * ").append(payee).append('\n')
                .append("    ").append(account).append("    ").append(LedgerOp.yuan(fen)).append('\n')
                .append("    ").append(balancing).append('\n');
    }

    /** ledger-cli's balance of every line account at the end of {@code asOf}, one whole process. */
    static Balances ledger(Path journal, LocalDate asOf) {
        return balances(List.of("ledger", "-f", journal.toString(), "--flat", "--no-total", "-e",
                asOf.plusDays(1).toString(), "balance", "^Budget:", "^Expenses:"), false);
    }

    /** hledger's balance of every line account at the end of {@code asOf}, one whole process. */
    static Balances hledger(Path journal, LocalDate asOf) {
        return balances(List.of("hledger", "-f", journal.toString(), "balance", "--flat", "-e",
                asOf.plusDays(1).toString(), "-O", "csv", "^Budget:", "^Expenses:"), true);
    }

    private static Balances balances(List<String> command, boolean csv) {
        Path out;
        try {
            out = Files.createTempFile("peer", ".out");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(out));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, long[]> byLine = parse(Files.readAllLines(out, StandardCharsets.UTF_8), csv);
            return new Balances(byLine, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            out.toFile().delete();
        }
    }

    /**
     * Line → [budget, executed] in fen from ledger-cli's {@code balance --flat} lines ({@code   1234.50  Expenses:L-001})
     * or hledger's {@code -O csv} rows ({@code "Expenses:L-001","1234.50"}); other lines are ignored.
     */
    static Map<String, long[]> parse(List<String> output, boolean csv) {
        Map<String, long[]> byLine = new HashMap<>();
        for (String line : output) {
            Matcher m = csv ? CSV_LINE.matcher(line.trim()) : LEDGER_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String kind = m.group(csv ? 1 : 2);
            String account = m.group(csv ? 2 : 3);
            String amount = m.group(csv ? 3 : 1).replace(",", "");
            long fen = new BigDecimal(amount).movePointRight(2).longValueExact();
            byLine.computeIfAbsent(account, a -> new long[2])[kind.equals("Budget") ? 0 : 1] = fen;
        }
        return byLine;
    }

    static int run(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Lines whose totals differ between two sources, described; empty when all agree. */
    static List<String> differences(String left, Map<String, long[]> a, String right, Map<String, long[]> b) {
        List<String> differences = new ArrayList<>();
        for (String line : a.keySet()) {
            long[] x = a.get(line);
            long[] y = b.getOrDefault(line, new long[2]);
            if (x[0] != y[0] || x[1] != y[1]) {
                differences.add(line + ": " + left + " budget " + LedgerOp.yuan(x[0]) + " executed " + LedgerOp.yuan(x[1])
                        + ", " + right + " budget " + LedgerOp.yuan(y[0]) + " executed " + LedgerOp.yuan(y[1]));
            }
        }
        for (String line : b.keySet()) {
            if (!a.containsKey(line)) {
                differences.add(line + ": only in " + right);
            }
        }
        return differences;
    }
}
