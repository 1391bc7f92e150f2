package cn.perfledger.app.integrity;

import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.app.eventstore.SnapshotChunks;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Puts {@link ChainingEventStorageEngine} around the event store's storage engine, and provides the keys, the
 * keyed stream heads, the store's anchor and the periodic seals.
 *
 * <p>The engine itself stays Axon's autoconfigured {@code JdbcEventStorageEngine} (serializers, upcasters,
 * exception resolver, schema: all as configured elsewhere); a bean post-processor replaces the
 * {@code EventStorageEngine} bean by the chaining decorator before anything is wired to it, so the event store,
 * the snapshotter and the tracking processors all see only the decorator. The hash uses the engine's own event
 * serializer ({@link AbstractEventStorageEngine#getEventSerializer()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrityProperties.class)
public class IntegrityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IntegrityConfiguration.class);

    /** Aggregates whose last link is kept in memory. */
    static final int HEAD_CACHE_CAPACITY = 10_000;

    @Bean
    public static ChainHeads chainHeads() {
        return new ChainHeads(HEAD_CACHE_CAPACITY);
    }

    @Bean
    public IntegrityKeys integrityKeys(IntegrityProperties properties) {
        return IntegrityKeys.load(properties);
    }

    @Bean
    public StreamHeads streamHeads(JdbcTemplate jdbc, IntegrityKeys keys) {
        return new StreamHeads(jdbc, keys);
    }

    @Bean
    public IntegrityAnchor integrityAnchor(JdbcTemplate jdbc, EventTable events, StreamHeads heads, IntegrityKeys keys,
            Clock clock, PlatformTransactionManager transactionManager,
            org.springframework.context.ApplicationEventPublisher publisher) {
        IntegrityAnchor anchor = new IntegrityAnchor(jdbc, events, heads, keys, clock, transactionManager);
        anchor.publishTo(publisher);
        return anchor;
    }

    @Bean
    public IntegritySeals integritySeals(JdbcTemplate jdbc, IntegrityKeys keys, StreamHeads heads, Clock clock,
            PlatformTransactionManager transactionManager, IntegrityProperties properties) {
        return new IntegritySeals(jdbc, keys, heads, clock, transactionManager, properties);
    }

    @Bean
    public ChainIntegrity chainIntegrity(IntegrityKeys keys, StreamHeads heads, IntegrityAnchor anchor,
            EventTable events, PlatformTransactionManager transactionManager) {
        return new StoreChainIntegrity(keys, heads, anchor, events, transactionManager);
    }

    /** Anchors the store before anything else runs (the demo loader among them): see {@link IntegrityAnchor}. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public ApplicationRunner integrityAnchorOnStartup(IntegrityAnchor anchor) {
        return args -> anchor.ensureAnchored();
    }

    /**
     * Static and with lazy dependencies only, as a bean post-processor must be: the JdbcTemplate and the
     * integrity beans are looked up on first use.
     */
    @Bean
    public static BeanPostProcessor chainingEventStorageEngineDecorator(ObjectProvider<EventTable> events,
            ObjectProvider<ChainHeads> heads, ObjectProvider<ChainIntegrity> integrity,
            ObjectProvider<SnapshotChunks> chunks) {
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
                log.info("Event chain: keyed hashing of every event appended through '{}' ({})", beanName,
                        bean.getClass().getSimpleName());
                PredecessorLookup lookup = (aggregate, sequence) -> linkOf(events.getObject(), aggregate, sequence);
                Supplier<ChainIntegrity> guard = new Supplier<>() {
                    private volatile ChainIntegrity resolved;

                    @Override
                    public ChainIntegrity get() {
                        ChainIntegrity value = resolved;
                        if (value == null) {
                            value = integrity.getObject();
                            resolved = value;
                        }
                        return value;
                    }
                };
                return new ChainingEventStorageEngine(engine, axonEngine.getEventSerializer(),
                        axonEngine.getSnapshotSerializer(), lookup, heads.getObject(), guard,
                        () -> chunks.getIfAvailable(() -> SnapshotChunks.NONE));
            }
        };
    }

    /** The link of one stored event: its chainHash, or its anchor when it carries no chain. */
    static Optional<String> linkOf(EventTable events, String aggregate, long sequence) {
        return events.event(aggregate, sequence).map(row -> ChainLinks.of(row).link());
    }
}
