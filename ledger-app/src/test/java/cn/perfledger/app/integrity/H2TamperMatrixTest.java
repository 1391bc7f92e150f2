package cn.perfledger.app.integrity;

import cn.perfledger.app.support.H2FileContext;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/** The tamper matrix on the default H2 file database (the shared test context). */
@SpringBootTest
@AutoConfigureMockMvc
class H2TamperMatrixTest extends TamperMatrixScenarios implements H2FileContext {

    @Override
    String store() {
        return "H2";
    }
}
