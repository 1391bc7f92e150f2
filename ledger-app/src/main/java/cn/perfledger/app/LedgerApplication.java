package cn.perfledger.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The ledger application: Axon on a JDBC event store (H2 file by default, PostgreSQL with the
 * {@code postgres} profile), the REST API under {@code /api/v1} and its OpenAPI document.
 */
@SpringBootApplication
public class LedgerApplication {

    public static void main(String[] args) {
        disableAxonUpdateChecker();
        SpringApplication.run(LedgerApplication.class, args);
    }

    /** Axon's update checker calls out to the internet; the ledger never does. */
    public static void disableAxonUpdateChecker() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
