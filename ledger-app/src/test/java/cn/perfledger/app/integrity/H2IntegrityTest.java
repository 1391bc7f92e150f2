package cn.perfledger.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.support.H2FileContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/** The tamper-evidence scenarios on the default H2 file database (the shared test context). */
@SpringBootTest
@AutoConfigureMockMvc
class H2IntegrityTest extends IntegrityScenarioTests implements H2FileContext {

    @Test
    void theIntegrityEndpoints_areDescribedInTheOpenApiDocument() throws Exception {
        JsonNode doc = getJson("/v3/api-docs");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        String year = "/api/v1/departments/{dept}/years/{year}";
        assertThat(paths).contains("/api/v1/integrity", year + "/integrity", year + "/integrity/digest",
                year + "/integrity/digest/check");
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("DigestDocument").get("required").toString()).contains("fiscalYearId", "streams",
                "digest");
        assertThat(schemas.get("ChainBreak").get("properties").get("kind").toString()).contains("SEQUENCE_GAP");
        assertThat(doc.get("paths").get(year + "/integrity").get("get").get("summary").asText())
                .isEqualTo("校验部门年度的记录链");
    }
}
