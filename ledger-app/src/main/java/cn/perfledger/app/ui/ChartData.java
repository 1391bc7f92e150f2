package cn.perfledger.app.ui;

import cn.perfledger.app.json.LedgerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * A page's chart data as the JSON text that the layout's {@code chartScripts} fragment puts into the
 * {@code data-charts} attribute, where ledger.js reads it. An attribute is never executed and Thymeleaf escapes it
 * as an attribute ({@code " & < >}), so no text in the data (a 文号, a reason) can end the attribute or the page's
 * markup, and the pages need no inline script. Built from JDK types only (strings, numbers, lists, maps).
 */
final class ChartData {

    private static final ObjectMapper JSON = LedgerJson.newObjectMapper();

    private ChartData() {
    }

    static String json(Map<String, ?> charts) {
        try {
            return JSON.writeValueAsString(charts);
        } catch (JsonProcessingException e) {
            // maps of strings and numbers always serialise; anything else is a programming error
            throw new IllegalStateException("chart data not serialisable", e);
        }
    }
}
