package cn.perfledger.app.eventstore;

import cn.perfledger.app.support.H2FileContext;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/** The chunked-snapshot scenarios on the default H2 file database (the shared test context). */
@SpringBootTest
@AutoConfigureMockMvc
class H2ChunkedSnapshotTest extends ChunkedSnapshotScenarios implements H2FileContext {
}
