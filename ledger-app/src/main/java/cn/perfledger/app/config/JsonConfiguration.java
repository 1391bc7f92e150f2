package cn.perfledger.app.config;

import cn.perfledger.app.json.LedgerJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One ObjectMapper for everything. Its bean name is the one Axon's autoconfiguration looks for when
 * {@code axon.serializer.*=jackson} ({@code defaultAxonObjectMapper}), and it is primary, so Spring MVC's JSON
 * converter uses it too and Spring Boot's own mapper backs off: events, snapshots, tokens and REST bodies share
 * {@link LedgerJson}'s conventions.
 *
 * <p>Spring Boot keeps Spring MVC's default Jackson converters behind the one built on this mapper (a second JSON
 * converter with a plain mapper, which reads a body whenever the first declines its type, and a YAML one that
 * reads {@code application/yaml} bodies): they would accept what {@link LedgerJson} refuses (a name twice,
 * trailing text, coerced texts), so Spring MVC gets no Jackson converter but the ledger's.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean("defaultAxonObjectMapper")
    @Primary
    public ObjectMapper defaultAxonObjectMapper() {
        return LedgerJson.newObjectMapper();
    }

    @Bean
    public WebMvcConfigurer onlyTheLedgerMapperReadsBodies(ObjectMapper ledgerMapper) {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.removeIf(converter -> converter instanceof AbstractJackson2HttpMessageConverter jackson
                        && jackson.getObjectMapper() != ledgerMapper);
            }
        };
    }
}
