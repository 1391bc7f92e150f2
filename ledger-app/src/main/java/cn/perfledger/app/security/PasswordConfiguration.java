package cn.perfledger.app.security;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, also for contexts without a web server (the user register works there too). */
@Configuration
public class PasswordConfiguration {

    /** {bcrypt} hashes; the cost is configurable because tests create many users (4 there, 10 by default). */
    @Bean
    public PasswordEncoder passwordEncoder(@Value("${ledger.security.bcrypt-strength:10}") int strength) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }
}
