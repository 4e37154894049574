package io.mailwarden.backup.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Python's standard {@code mailbox} and {@code email} modules reading an export: an independent parser. */
final class PythonMailbox {

    /** One message as Python read it. */
    record Read(String place, String sha, String flags, Long date) {
    }

    private PythonMailbox() {
    }

    static List<Read> read(String format, Path root) throws IOException, InterruptedException {
        Path script = Files.createTempFile("mailbox_check", ".py");
        try (InputStream in = PythonMailbox.class.getResourceAsStream("/backup/mailbox_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        try {
            Process p = new ProcessBuilder("python3", script.toString(), format, root.toString()).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("python3 mailbox check failed: " + err);
            }
            ObjectMapper json = new ObjectMapper();
            List<Read> reads = new ArrayList<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    reads.add(new Read(n.get("place").asText(), n.get("sha").asText(), n.get("flags").asText(),
                            n.get("date").isNull() ? null : n.get("date").asLong()));
                }
            }
            return reads;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
