package cn.perfledger.app.upcasting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Registers the upcasters: Axon's Spring Boot autoconfiguration collects every bean of type {@code EventUpcaster}
 * into the configuration's upcaster chain (in {@link Order} order), which the JDBC event storage engine, the
 * tracking processors and {@code EventHistory} all read through. Add one upcaster per event type and revision
 * step; keep older steps forever — stored events are never rewritten.
 */
@Configuration(proxyBeanMethods = false)
public class UpcasterConfiguration {

    @Bean
    @Order(0)
    public ExpenditureRecordedUpcaster expenditureRecordedRevision0To1() {
        return new ExpenditureRecordedUpcaster();
    }

    @Bean
    @Order(1)
    public IndicatorEventsUpcaster indicatorDefinedRevision1To2() {
        return IndicatorEventsUpcaster.indicatorDefined();
    }

    @Bean
    @Order(2)
    public IndicatorEventsUpcaster indicatorTargetRevisedRevision1To2() {
        return IndicatorEventsUpcaster.indicatorTargetRevised();
    }

    @Bean
    @Order(3)
    public IndicatorEventsUpcaster indicatorActualRecordedRevision1To2() {
        return IndicatorEventsUpcaster.indicatorActualRecorded();
    }

    @Bean
    @Order(4)
    public RubricPublishedUpcaster rubricPublishedRevision1To2() {
        return new RubricPublishedUpcaster();
    }

    @Bean
    @Order(5)
    public AdjustmentIdUpcaster adjustmentsRevision1To2() {
        return new AdjustmentIdUpcaster();
    }

    @Bean
    @Order(6)
    public RubricProvenanceUpcaster rubricPublishedRevision2To3() {
        return new RubricProvenanceUpcaster();
    }
}
