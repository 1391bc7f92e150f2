package cn.perfledger.app.readmodel.figures;

import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.demo.DemoScenario;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.domain.common.FiscalYearId;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The year-figures scenario on the default profile's H2 file database (the shared test context), together with
 * the four demo years: each stored row equals the replay, and the rebuild reproduces them byte for byte.
 */
@SpringBootTest
@AutoConfigureMockMvc
class H2FileYearFiguresTest extends YearFiguresScenarios implements H2FileContext {

    @Autowired
    DemoDataLoader loader;

    @Override
    protected List<FiscalYearId> moreYears() {
        loader.loadAll(); // idempotent: years already in the store are skipped
        return DemoScenario.RESOURCES.stream().map(r -> loader.read(r).fiscalYearId()).toList();
    }
}
