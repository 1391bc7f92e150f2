package cn.perfledger.app.imports.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layouts shipped under {@code resources/layouts} (listed in {@code layouts.txt}), read once. Adding a layout is
 * adding a file: the import recognises it by its header words and the export can write it.
 */
public final class LayoutCatalog {

    private static final String INDEX = "/layouts/layouts.txt";
    private static final Map<String, LayoutDefinition> LAYOUTS = load();

    private LayoutCatalog() {
    }

    public static List<LayoutDefinition> all() {
        return List.copyOf(LAYOUTS.values());
    }

    public static Optional<LayoutDefinition> byId(String id) {
        return Optional.ofNullable(id == null ? null : LAYOUTS.get(id.strip()));
    }

    /** The ids of the shipped layouts, in catalog order (for the export's {@code layout} parameter). */
    public static List<String> ids() {
        return List.copyOf(LAYOUTS.keySet());
    }

    /** Each layout as “id（name）”, for messages that list the layouts known. */
    public static String described() {
        List<String> names = new ArrayList<>();
        for (LayoutDefinition layout : LAYOUTS.values()) {
            names.add(layout.id() + "（" + layout.name() + "）");
        }
        return String.join("；", names);
    }

    private static Map<String, LayoutDefinition> load() {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        Map<String, LayoutDefinition> layouts = new LinkedHashMap<>();
        for (String file : index()) {
            try (InputStream in = LayoutCatalog.class.getResourceAsStream("/layouts/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("layouts.txt lists a missing file: " + file);
                }
                LayoutDefinition layout = mapper.readValue(in, LayoutDefinition.class);
                if (layouts.putIfAbsent(layout.id(), layout) != null) {
                    throw new IllegalStateException("two layouts with id " + layout.id());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("layout " + file + " cannot be read", e);
            }
        }
        return layouts;
    }

    private static List<String> index() {
        List<String> files = new ArrayList<>();
        try (InputStream in = LayoutCatalog.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException(INDEX + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String file = line.strip();
                if (!file.isEmpty() && !file.startsWith("#")) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(INDEX + " cannot be read", e);
        }
        return files;
    }
}
