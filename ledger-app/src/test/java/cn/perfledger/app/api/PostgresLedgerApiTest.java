package cn.perfledger.app.api;

import cn.perfledger.app.support.TestDatabases;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API scenarios on PostgreSQL with the {@code postgres} profile (bytea payloads, BIGSERIAL global index), on
 * the server {@link cn.perfledger.app.support.PostgresTestDatabase} picks, in a fresh schema.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("postgres")
class PostgresLedgerApiTest extends LedgerApiScenarioTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
