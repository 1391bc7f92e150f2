package cn.perfledger.app.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Creates the demo users ({@link DemoUsers}) and loads the demo data when the application starts with {@code ledger.demo.load-on-start=true} (the default
 * profile's setting; other profiles load it only when asked, e.g. {@code --ledger.demo.load-on-start=true}).
 */
@Component
@ConditionalOnProperty(name = "ledger.demo.load-on-start", havingValue = "true")
public class DemoDataOnStartup implements ApplicationRunner {

    private final DemoDataLoader loader;

    public DemoDataOnStartup(DemoDataLoader loader) {
        this.loader = loader;
    }

    @Override
    public void run(ApplicationArguments args) {
        loader.loadAll();
    }
}
