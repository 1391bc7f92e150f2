package cn.perfledger.app.integrity;

import cn.perfledger.app.support.TestDatabases;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tamper-evidence scenarios on PostgreSQL ({@code postgres} profile: bytea payloads and metadata, BIGSERIAL
 * global index, a real transaction rolled back), in a fresh schema on the server
 * {@link cn.perfledger.app.support.PostgresTestDatabase} picks. Two scenarios that do not depend on the database
 * run on H2 only, to keep the module's test time small.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("postgres")
class PostgresIntegrityTest extends IntegrityScenarioTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Override
    @Test
    @Disabled("database-independent: covered by H2IntegrityTest")
    void theEventsOfOneUnitOfWork_linkToEachOther() {
    }

    @Override
    @Test
    @Disabled("database-independent: covered by H2IntegrityTest")
    void aMalformedDigestDocument_isRefusedNamingTheField() {
    }
}
