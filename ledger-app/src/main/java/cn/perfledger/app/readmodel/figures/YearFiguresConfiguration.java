package cn.perfledger.app.readmodel.figures;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@value YearFiguresProjection#PROCESSING_GROUP} processor handles every event in one sequence (one segment
 * does all the work, on whichever instance claims it): a rubric event refreshes the years that name it, so the
 * events of a year and of its rubrics must not be split across segments. Mode, batch size and threads are in
 * application.yml.
 */
@Configuration(proxyBeanMethods = false)
public class YearFiguresConfiguration {

    @Bean
    public ConfigurerModule yearFiguresSequencing() {
        return configurer -> configurer.eventProcessing().registerSequencingPolicy(
                YearFiguresProjection.PROCESSING_GROUP, c -> new SequentialPolicy());
    }
}
