package cn.perfledger.app.integrity;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts {@link ChainingEventStorageEngine} around the event store's storage engine.
 *
 * <p>The engine itself stays Axon's autoconfigured {@code JdbcEventStorageEngine} (serializers, upcasters,
 * exception resolver, schema: all as configured elsewhere); a bean post-processor replaces the
 * {@code EventStorageEngine} bean by the chaining decorator before anything is wired to it, so the event store,
 * the snapshotter and the tracking processors all see only the decorator. The hash uses the engine's own event
 * serializer ({@link AbstractEventStorageEngine#getEventSerializer()}).
 */
@Configuration(proxyBeanMethods = false)
public class IntegrityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IntegrityConfiguration.class);

    /** Aggregates whose last link is kept in memory. */
    static final int HEAD_CACHE_CAPACITY = 10_000;

    @Bean
    public static ChainHeads chainHeads() {
        return new ChainHeads(HEAD_CACHE_CAPACITY);
    }

    /**
     * Static and with lazy dependencies only, as a bean post-processor must be: the JdbcTemplate is looked up on the
     * first append that needs the store.
     */
    @Bean
    public static BeanPostProcessor chainingEventStorageEngineDecorator(ObjectProvider<JdbcTemplate> jdbc,
            ObjectProvider<ChainHeads> heads) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof EventStorageEngine engine) || bean instanceof ChainingEventStorageEngine) {
                    return bean;
                }
                if (!(bean instanceof AbstractEventStorageEngine axonEngine)) {
                    log.warn("Event chain: storage engine bean '{}' ({}) has no accessible event serializer;"
                            + " events are stored WITHOUT hash chain", beanName, bean.getClass().getName());
                    return bean;
                }
                log.info("Event chain: hashing every event appended through '{}' ({})", beanName,
                        bean.getClass().getSimpleName());
                PredecessorLookup lookup = (aggregate, sequence) -> linkOf(jdbc.getObject(), aggregate, sequence);
                return new ChainingEventStorageEngine(engine, axonEngine.getEventSerializer(), lookup,
                        heads.getObject());
            }
        };
    }

    /** The link of one stored event: its chainHash, or its anchor when it carries no chain. */
    static Optional<String> linkOf(JdbcTemplate jdbc, String aggregate, long sequence) {
        return jdbc.query("SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry"
                        + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                (rs, i) -> StoredEvent.read(rs), aggregate, sequence).stream().findFirst().map(row -> {
                    StoredEvent.Links links = row.links();
                    if (links.chained() && ChainHash.isLink(links.storedHash())) {
                        return links.storedHash();
                    }
                    return row.hashWith(ChainHash.GENESIS, links);
                });
    }
}
