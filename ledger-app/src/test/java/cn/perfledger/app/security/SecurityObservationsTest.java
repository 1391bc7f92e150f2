package cn.perfledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.support.H2FileContext;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The request filters run without Spring Security's observations although the actuator's observation registry is
 * there (they cost about 6 % of a single write's request thread); the filters still decide.
 */
@SpringBootTest
class SecurityObservationsTest implements H2FileContext {

    @Autowired
    FilterChainProxy filterChainProxy;
    @Autowired
    ObservationRegistry observations;
    @Autowired
    WebApplicationContext context;

    @Test
    void filters_areNotWrappedInObservations() throws Exception {
        assertThat(observations.isNoop()).as("an observation registry that Spring Security would use").isFalse();
        Field decorator = FilterChainProxy.class.getDeclaredField("filterChainDecorator");
        decorator.setAccessible(true);
        assertThat(decorator.get(filterChainProxy)).isNotInstanceOf(ObservationFilterChainDecorator.class);
    }

    @Test
    void anUnsignedRequest_isStillRefused() throws Exception {
        MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build()
                .perform(get("/api/v1/departments")).andExpect(status().isUnauthorized());
    }
}
