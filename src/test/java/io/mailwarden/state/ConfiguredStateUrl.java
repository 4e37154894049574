package io.mailwarden.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The state store's JDBC URL exactly as {@code application.yaml} configures it, for a given data directory. */
public final class ConfiguredStateUrl {

    private static final String DATA_DIR = "${mailwarden.data-dir:index}";

    private ConfiguredStateUrl() {
    }

    public static String forDataDir(Path dataDir) throws IOException {
        try (InputStream in = ConfiguredStateUrl.class.getResourceAsStream("/application.yaml")) {
            Map<String, Object> root = new Yaml().load(in);
            Object url = child(child(child(root, "quarkus"), "datasource"), "jdbc").get("url");
            if (!(url instanceof String s) || !s.contains(DATA_DIR)) {
                throw new IllegalStateException("application.yaml's state store URL no longer names " + DATA_DIR + ": " + url);
            }
            return s.replace(DATA_DIR, dataDir.toAbsolutePath().toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Object map, String key) {
        return (Map<String, Object>) ((Map<String, Object>) map).get(key);
    }
}
