package cn.perfledger.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.json.LedgerJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented byte layout, pinned by a vector computed outside Java (Python hashlib + struct). */
class ChainHashTest {

    private static final String PAYLOAD = "{\"lineId\":\"L1\",\"amount\":\"1234.50\"}";

    @Test
    void eventHash_followsTheDocumentedLayout() {
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put("synthetic", false);
        metaData.put("note", "引号\"与\n换行");
        metaData.put("client", "API");
        metaData.put(ChainHash.CHAIN_HASH, "ignored");
        String canonical = ChainHash.canonicalMetadata(metaData);
        assertThat(canonical).isEqualTo("{\"client\":\"API\",\"note\":\"引号\\\"与\\u000a换行\",\"synthetic\":false}");
        assertThat(ChainHash.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("21688dff5e2164fbaec0bb9bfbdaf85522cc9762e26720f0cd2a7c11623093fa");

        String hash = ChainHash.eventHash(ChainHash.GENESIS, new ChainHash.EventFields("e-1", "D-1/2021", 0,
                        "BudgetLedger", "cn.perfledger.domain.budget.BudgetEvent$ExpenditureRecorded", null,
                        "2021-03-01T08:00:00.000Z"),
                ChainHash.sha256Hex(PAYLOAD.getBytes(StandardCharsets.UTF_8)),
                ChainHash.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
        // python3: sha256(b''.join(pack('>i', len(e)) + e for e in fields) with pack('>i', -1) for None)
        assertThat(hash).isEqualTo("0320a946fa1fcbafd2a4a79876dcc5dfc55d2f00e506e9e00d119500adb38298");
    }

    @Test
    void lengthPrefixes_keepFieldBoundaries() {
        assertThat(ChainHash.lengthPrefixed(java.util.Arrays.asList("ab", "c")))
                .isNotEqualTo(ChainHash.lengthPrefixed(java.util.Arrays.asList("a", "bc")));
        assertThat(ChainHash.lengthPrefixed(java.util.Arrays.asList("", null)))
                .containsExactly(0, 0, 0, 0, -1, -1, -1, -1);
    }

    @Test
    void canonicalMetadata_isTheSameFromJavaValuesAndFromTheStoredJson() throws Exception {
        ObjectMapper ledgerMapper = LedgerJson.newObjectMapper();
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put("user", "张三");
        metaData.put("synthetic", true);
        metaData.put("count", 42L);
        metaData.put("small", 7);
        metaData.put("nothing", null);
        metaData.put("tab", "a\tb\\c");
        metaData.put("list", List.of("x", 1, false));
        metaData.put("nested", Map.of("z", "1", "a", 2));
        metaData.put(ChainHash.CHAIN_PREV, ChainHash.GENESIS);
        String fromJava = ChainHash.canonicalMetadata(metaData);
        byte[] stored = ledgerMapper.writeValueAsBytes(metaData);
        String fromJson = ChainHash.canonicalMetadata(ChainLinks.METADATA_READER.readTree(stored));
        assertThat(fromJava).isEqualTo(fromJson).doesNotContain(ChainHash.CHAIN_PREV)
                .startsWith("{\"count\":42,\"list\":[\"x\",1,false],\"nested\":{\"a\":2,\"z\":\"1\"},\"nothing\":null,");
    }

    @Test
    void valuesOnlyTheSerializerKnows_areLeftToIt() {
        assertThat(ChainHash.canonicalMetadata(Map.of("rate", 0.5))).isNull();
        assertThat(ChainHash.canonicalJson(ChainLinks.METADATA_READER.createObjectNode().put("rate",
                new java.math.BigDecimal("1.50")))).isEqualTo("{\"rate\":1.5}");
    }

    /** The link check is a loop now; it must accept exactly what {@code [0-9a-f]{64}} accepts (seed logged). */
    @Test
    void isLink_acceptsExactly64LowercaseHexDigits() {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        java.util.regex.Pattern hex64 = java.util.regex.Pattern.compile("[0-9a-f]{64}");
        String alphabet = "0123456789abcdefABCDEFg-/ :\u0660";
        assertThat(ChainHash.isLink(null)).isFalse();
        assertThat(ChainHash.isLink("a".repeat(64))).isTrue();
        for (int i = 0; i < 20_000; i++) {
            int length = 60 + random.nextInt(9);
            StringBuilder value = new StringBuilder();
            for (int j = 0; j < length; j++) {
                // mostly valid digits, so that almost-links are tried too
                value.append(random.nextInt(20) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : alphabet.charAt(random.nextInt(16)));
            }
            assertThat(ChainHash.isLink(value.toString())).as("seed %d: %s", seed, value)
                    .isEqualTo(hex64.matcher(value).matches());
        }
    }
}
