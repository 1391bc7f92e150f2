package cn.perfledger.app.store;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wraps the data source in {@link DurableCommitDataSource} when it is an embedded H2 file database (the default
 * profile) and {@code ledger.store.sync-at-commit} is true (the default). PostgreSQL needs nothing: with its
 * default settings ({@code fsync=on}, {@code synchronous_commit=on}) a commit returns only after its WAL record is
 * flushed. In-memory H2 databases (tests) have nothing to make durable and are left alone.
 */
@Configuration(proxyBeanMethods = false)
public class DurableStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DurableStoreConfiguration.class);

    @Bean
    static BeanPostProcessor durableEmbeddedStore(Environment environment) {
        boolean enabled = environment.getProperty("ledger.store.sync-at-commit", Boolean.class, true);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && isEmbeddedH2File(pool.getJdbcUrl())) {
                    if (!enabled) {
                        log.warn("ledger.store.sync-at-commit=false: the embedded H2 store acknowledges writes before"
                                + " they are on disk; up to about a second of acknowledged writes can be lost in a crash");
                        return bean;
                    }
                    log.info("Embedded H2 store: every commit is written and forced to disk before it is answered");
                    return new DurableCommitDataSource((DataSource) bean);
                }
                return bean;
            }
        };
    }

    /** {@code jdbc:h2:file:…} or {@code jdbc:h2:./…}: not in memory, not a server ({@code tcp:}, {@code ssl:}). */
    static boolean isEmbeddedH2File(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:"));
    }
}
