package cn.perfledger.app.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mix-in for tests on the default profile's H2 file database. One temporary data directory per JVM, so all
 * such test classes share one cached Spring context (tests isolate themselves by department id).
 */
public interface H2FileContext {

    /** The shared data directory ({@code ledger.data-dir}). */
    Path DATA_DIR = TestDatabases.tempDir("ledger-h2-");

    @DynamicPropertySource
    static void h2FileDatabase(DynamicPropertyRegistry registry) {
        TestDatabases.h2File(registry, DATA_DIR);
    }
}
