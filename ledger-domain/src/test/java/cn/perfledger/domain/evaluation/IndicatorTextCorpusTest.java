package cn.perfledger.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.common.DomainException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of real target and actual texts ({@code src/test/resources/indicator-texts.tsv}, each with its source
 * address): every text is read — with the direction the form or the officer gives, or none — exactly as the finance
 * officer's reading in the file says, or refused for the reason it gives. A text is never read with a direction it
 * does not state and nobody gave: the bare figures of the corpus appear without a direction too, refused.
 */
class IndicatorTextCorpusTest {

    private static final String CORPUS = "/indicator-texts.tsv";

    /** One line: source, indicator, target, given direction, actual, grade, expected reading. */
    record Entry(int line, String source, String indicator, String target, String direction, String actual,
            String grade, String expected) {

        @Override
        public String toString() {
            return line + ": " + target + (direction.isEmpty() ? "" : " [" + direction + "]")
                    + (actual.isEmpty() ? "" : " ← " + actual);
        }
    }

    static List<Entry> corpus() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                IndicatorTextCorpusTest.class.getResourceAsStream(CORPUS), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                assertThat(c).as("line %d has 7 columns", number).hasSize(7);
                entries.add(new Entry(number, c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
            }
        }
        return entries;
    }

    static Stream<Entry> entries() throws IOException {
        return corpus().stream();
    }

    @BeforeAll
    static void printSize() throws IOException {
        List<Entry> entries = corpus();
        Set<String> distinct = new LinkedHashSet<>();
        int texts = 0;
        for (Entry e : entries) {
            distinct.add(e.target());
            texts++;
            if (!e.actual().isEmpty()) {
                distinct.add(e.actual());
                texts++;
            }
        }
        long sources = entries.stream().map(Entry::source).distinct().count();
        long refusals = entries.stream().filter(e -> e.expected().contains("refuse")).count();
        System.out.println("[corpus] " + entries.size() + " entries, " + texts + " target and actual texts ("
                + distinct.size() + " distinct) from " + sources + " sources; " + refusals + " refused");
        assertThat(texts).isGreaterThanOrEqualTo(300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void readsLikeAFinanceOfficer(Entry entry) {
        assertThat(read(entry)).as(entry.source() + " " + entry.indicator()).isEqualTo(entry.expected());
    }

    /** The ledger's reading in the corpus's notation; a refusal as "refuse: " and the expected reason if it has it. */
    private static String read(Entry entry) {
        TargetExpression target;
        try {
            target = TargetExpression.parse("targetExpression", entry.target(),
                    Direction.fromText("direction", entry.direction())).checkedFor("targetExpression", entry.indicator());
        } catch (DomainException refused) {
            return refusal(refused, entry.expected());
        }
        if (entry.actual().isEmpty()) {
            return target.reading();
        }
        try {
            ActualValue actual = ActualValue.parse("actual", entry.actual(), target,
                    Grade.fromText("grade", entry.grade()));
            return target.reading() + " | " + target.assess(actual);
        } catch (DomainException refused) {
            String expectedActual = entry.expected().contains(" | ") ? entry.expected().substring(
                    entry.expected().indexOf(" | ") + 3) : entry.expected();
            return target.reading() + " | " + refusal(refused, expectedActual);
        }
    }

    private static String refusal(DomainException refused, String expected) {
        String reason = expected.startsWith("refuse: ") ? expected.substring("refuse: ".length()) : null;
        return reason != null && refused.rule().contains(reason) ? "refuse: " + reason
                : "refuse: " + refused.field() + ": " + refused.rule();
    }
}
