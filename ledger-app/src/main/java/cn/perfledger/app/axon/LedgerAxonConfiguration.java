package cn.perfledger.app.axon;

import cn.perfledger.app.config.LedgerProperties;
import cn.perfledger.domain.budget.BudgetLedger;
import cn.perfledger.domain.department.Department;
import cn.perfledger.domain.evaluation.Evaluation;
import cn.perfledger.domain.rubric.Rubric;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.StreamingEventProcessor;
import cn.perfledger.app.readmodel.DirectoryProjection;
import cn.perfledger.app.readmodel.figures.YearFiguresProjection;
import cn.perfledger.app.store.DerivedWrites;
import java.util.Set;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.app.eventstore.SnapshotChunks;
import java.util.Map;

/**
 * Registers the domain's aggregates with Axon and tunes the event store around them.
 *
 * <p>The domain module has no Spring, so its aggregates ({@link BudgetLedger}, {@link Department},
 * {@link Evaluation}, {@link Rubric}) carry no {@code @Aggregate}; each is registered
 * here through a {@link ConfigurerModule} with an {@link AggregateConfigurer}, an event-sourcing repository
 * on the JDBC event store that Axon's {@code JdbcAutoConfiguration} builds (JdbcEventStorageEngine, Jackson
 * serializer, tables from Flyway).
 *
 * <p>The department-year {@link BudgetLedger} may grow to 100,000 events and more. It gets
 * <ul>
 *   <li>a snapshot every {@code ledger.snapshot-threshold} events (default 500), taken on a background thread
 *       after the command's transaction has committed, so that a cold load reads one snapshot plus at most a
 *       few hundred events;</li>
 *   <li>an in-memory cache ({@link BoundedAggregateCache}) so that consecutive commands on a warm year neither
 *       read nor replay anything.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
public class LedgerAxonConfiguration {

    /** The aggregates whose snapshots the snapshotter can build (it needs their factories). */
    static final List<Class<?>> SNAPSHOTTED = List.of(BudgetLedger.class);
    /** Where the budget ledger's snapshot holds its voucher chunks (fields of BudgetLedger and VoucherBook). */
    static final List<String> BUDGET_LEDGER_CHUNKS = List.of("voucherBook", "chunks");

    @Bean
    public BoundedAggregateCache budgetLedgerCache(LedgerProperties properties, EventTable events) {
        return cache(properties, events);
    }

    /** A cache bounded in aggregates and in the events they hold together, its hits checked against the store. */
    static BoundedAggregateCache cache(LedgerProperties properties, EventTable events) {
        return new BoundedAggregateCache(properties.aggregateCacheSize(),
                AggregateCacheBound.maxEvents(properties.aggregateCacheMaxEvents(), Runtime.getRuntime().maxMemory()),
                latestSequence(events));
    }

    /**
     * Cache hits are checked against the store (see {@link BoundedAggregateCache}): with several instances on one
     * database a cached aggregate may lag behind what another instance appended, and a command validated against
     * it would be refused wrongly.
     */
    static BoundedAggregateCache.LatestSequence latestSequence(EventTable events) {
        return (id, sequence) -> events.hasEvent(id, sequence + 1);
    }

    /**
     * The snapshotter is looked up lazily: Axon's Configuration (which collects this module) is a dependency of
     * the event store the snapshotter needs, so an eager reference would be circular.
     */
    @Bean
    public ConfigurerModule budgetLedgerAggregate(ObjectProvider<AggregateSnapshotter> snapshotter,
            LedgerProperties properties, BoundedAggregateCache budgetLedgerCache) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(BudgetLedger.class)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                                snapshotter.getObject(), properties.snapshotThreshold()))
                        .configureCache(c -> budgetLedgerCache));
    }

    /**
     * The processing groups whose handlers write only read-model rows derived from the events. A processor of any
     * other group keeps its commits forced: a new event handler is durable by default until it is named here
     * ({@code DerivedProcessingGroupsTest} fails on a group that is neither here nor known to write elsewhere, so
     * adding one makes the choice visible).
     */
    public static final Set<String> READ_MODEL_PROCESSING_GROUPS = Set.of(DirectoryProjection.PROCESSING_GROUP,
            YearFiguresProjection.PROCESSING_GROUP);

    /**
     * The threads of the streaming (tracking) processors write only their tokens and read-model rows, which they
     * derive again from the events after a crash, so their commits are not forced to the device one by one
     * ({@link DerivedWrites}). Marked on their first handled event, and only for the processors
     * {@link #READ_MODEL_PROCESSING_GROUPS} names; a subscribing processor, which would run on the
     * writer's own thread, is never marked.
     */
    @Bean
    public ConfigurerModule derivedProcessorThreads() {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processorName) -> (unitOfWork, chain) -> {
                    if (!DerivedWrites.currentThread()
                            && READ_MODEL_PROCESSING_GROUPS.contains(processorName)
                            && configuration.eventProcessingConfiguration()
                            .eventProcessor(processorName)
                            .filter(StreamingEventProcessor.class::isInstance).isPresent()) {
                        DerivedWrites.markCurrentThread();
                    }
                    return chain.proceed();
                });
    }

    @Bean
    public ConfigurerModule departmentAggregate(LedgerProperties properties, EventTable events) {
        BoundedAggregateCache cache = cache(properties, events);
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(Department.class).configureCache(c -> cache));
    }

    @Bean
    public ConfigurerModule evaluationAggregate(LedgerProperties properties, EventTable events) {
        BoundedAggregateCache cache = cache(properties, events);
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(Evaluation.class).configureCache(c -> cache));
    }

    @Bean
    public ConfigurerModule rubricAggregate(LedgerProperties properties, EventTable events) {
        BoundedAggregateCache cache = cache(properties, events);
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(Rubric.class).configureCache(c -> cache));
    }

    /**
     * The JDBC storage engine as Axon's {@code JdbcAutoConfiguration} builds it (same serializers, upcasters,
     * schema, exception resolver), with two guards made explicit because snapshots decide commands:
     * <ul>
     *   <li>the snapshot filter: each {@link AggregateConfigurer} contributes a {@code RevisionSnapshotFilter} for
     *       its aggregate's {@code @Revision} (a snapshot of any other revision, or of none, is skipped and the
     *       aggregate rebuilt from its events);</li>
     *   <li>snapshots are read strictly ({@link StrictSnapshotStorageEngine}): a snapshot with a property its class
     *       does not have fails to load, and the aggregate is rebuilt from its events too.</li>
     * </ul>
     */
    @Bean
    public EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
            TransactionManager transactionManager, ObjectMapper objectMapper, RevisionResolver revisionResolver,
            SnapshotChunks snapshotChunks) {
        return new StrictSnapshotStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(StrictSnapshotStorageEngine.strictSerializer(objectMapper, revisionResolver))
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema()), snapshotChunks, configuration.snapshotFilter());
    }

    /**
     * The budget ledger's vouchers are snapshotted in chunks that never change once full: each full chunk is stored
     * once ({@code snapshot_chunk}), so the snapshot does not grow with the vouchers ({@link SnapshotChunks}).
     */
    @Bean
    public SnapshotChunks snapshotChunks(EventTable events) {
        return new SnapshotChunks(events, Map.of(BudgetLedger.class, BUDGET_LEDGER_CHUNKS));
    }

    /**
     * Replaces Axon's Spring snapshotter, which only finds aggregate factories among Spring beans and therefore
     * does not know aggregates registered through {@link AggregateConfigurer}. Snapshots are built on
     * {@link SnapshotExecutor}'s single background thread.
     */
    @Bean
    public AggregateSnapshotter aggregateSnapshotter(EventStore eventStore, TransactionManager transactionManager,
            ParameterResolverFactory parameterResolverFactory, HandlerDefinition handlerDefinition,
            org.axonframework.config.Configuration configuration, SnapshotExecutor snapshotExecutor) {
        List<AggregateFactory<?>> factories = SNAPSHOTTED.stream()
                .<AggregateFactory<?>>map(GenericAggregateFactory::new)
                .toList();
        return AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .aggregateFactories(factories)
                .repositoryProvider(configuration::repository)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .transactionManager(transactionManager)
                .executor(snapshotExecutor)
                .build();
    }

    @Bean
    public SnapshotExecutor snapshotExecutor(DataSource dataSource) {
        return new SnapshotExecutor(dataSource);
    }

    /**
     * Axon's own token store names its owner {@code pid@hostname}, which is not unique per application instance:
     * two instances in one JVM, or containers that all run as pid 1 under one host name, would each believe they
     * hold the same claim and both process segment 0 of the {@code directory} processor (seen in
     * {@code TwoInstancesSharedPostgresTest}). Same store, same settings, plus a random suffix in the owner.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
            TokenStoreProperties tokenStoreProperties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "#"
                        + UUID.randomUUID().toString().substring(0, 8))
                .build();
    }

    /** Client, user, role, synthetic flag and correlation id travel from each command into its events. */
    @Bean
    public CorrelationDataProvider ledgerCorrelationDataProvider() {
        return new LedgerCorrelationDataProvider();
    }

    /**
     * Axon's default resolver only recognises {@link java.sql.SQLIntegrityConstraintViolationException}; the
     * PostgreSQL driver reports a unique violation as a plain {@code PSQLException} with SQL state 23505, which
     * would surface as a generic storage error instead of a concurrency conflict.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }
}
