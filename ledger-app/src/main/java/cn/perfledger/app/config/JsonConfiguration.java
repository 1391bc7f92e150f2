package cn.perfledger.app.config;

import cn.perfledger.app.json.LedgerJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * One ObjectMapper for everything. Its bean name is the one Axon's autoconfiguration looks for when
 * {@code axon.serializer.*=jackson} ({@code defaultAxonObjectMapper}), and it is primary, so Spring MVC's JSON
 * converter uses it too and Spring Boot's own mapper backs off: events, snapshots, tokens and REST bodies share
 * {@link LedgerJson}'s conventions.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean("defaultAxonObjectMapper")
    @Primary
    public ObjectMapper defaultAxonObjectMapper() {
        return LedgerJson.newObjectMapper();
    }
}
