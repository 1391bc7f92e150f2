package cn.perfledger.app.api;

import cn.perfledger.app.support.H2FileContext;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/** The API scenarios on the default profile: the embedded H2 file database (in a temporary directory). */
@SpringBootTest
@AutoConfigureMockMvc
class H2FileLedgerApiTest extends LedgerApiScenarioTests implements H2FileContext {
}
