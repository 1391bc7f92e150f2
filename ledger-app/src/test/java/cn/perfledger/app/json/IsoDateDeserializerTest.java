package cn.perfledger.app.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ledger mapper's fast date reader gives what the JavaTimeModule's strict reader gives — the same date, or a
 * refusal — for every text (random near-dates, seed logged), and leaves a property's own pattern alone.
 */
class IsoDateDeserializerTest {

    private static final ObjectMapper LEDGER = LedgerJson.newObjectMapper();
    /** The ledger mapper without the fast reader: JavaTimeModule, strict dates. */
    private static final ObjectMapper STANDARD = new ObjectMapper().registerModule(new JavaTimeModule());

    static {
        STANDARD.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
    }

    record Dated(LocalDate day) {
    }

    record Patterned(@JsonFormat(pattern = "dd.MM.uuuu") LocalDate day) {
    }

    @Test
    void readsAsTheStrictStandardReader() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String alphabet = "0123456789-";
        for (int i = 0; i < 20_000; i++) {
            String text;
            if (random.nextBoolean()) {
                text = String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33));
            } else {
                StringBuilder b = new StringBuilder();
                for (int j = 9 + random.nextInt(3); j > 0; j--) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                text = b.toString();
            }
            String json = "{\"day\":\"" + text + "\"}";
            Object expected = read(STANDARD, json);
            assertThat(read(LEDGER, json)).as("seed %d: %s", seed, text).isEqualTo(expected);
        }
    }

    @Test
    void impossibleDates_areRefusedAsBefore() {
        assertThat(read(LEDGER, "{\"day\":\"2021-02-29\"}")).isEqualTo(read(STANDARD, "{\"day\":\"2021-02-29\"}"))
                .isInstanceOf(String.class);
        assertThat(read(LEDGER, "{\"day\":\"2024-02-29\"}")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> LEDGER.readValue("{\"day\":20210101}", Dated.class)).isNotNull();
    }

    @Test
    void aPropertysOwnPattern_isReadByTheStandardReader() throws Exception {
        assertThat(LEDGER.readValue("{\"day\":\"31.12.2021\"}", Patterned.class).day()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThatThrownBy(() -> LEDGER.readValue("{\"day\":\"2021-12-31\"}", Patterned.class)).isNotNull();
    }

    /** The date read, or the refusal's exception class and original message (without the source location). */
    private static Object read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, Dated.class).day();
        } catch (Exception e) {
            String message = e.getMessage();
            int cut = message.indexOf("\n");
            return e.getClass().getSimpleName() + ": " + (cut < 0 ? message : message.substring(0, cut));
        }
    }
}
