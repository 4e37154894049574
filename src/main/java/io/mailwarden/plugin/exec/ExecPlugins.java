package io.mailwarden.plugin.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs exec plugins: an executable in the plugins directory gets a JSON description of the message
 * on stdin and answers one JSON object on stdout. No shell stands in between (arguments are passed
 * as they are), the environment is cut down to a few harmless variables (the daemon's own holds
 * account passwords), and time and output are bounded.
 */
public final class ExecPlugins {

    /** How an exec plugin is run. */
    public record Limits(Duration timeout, int maxOutputBytes) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 64 * 1024);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PASSED_ENV = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private ExecPlugins() {
    }

    /**
     * The executable for a plugin name: a plain file name (no path) inside {@code dir}.
     *
     * @throws ExecException naming what is wrong with the name or the file
     */
    public static Path resolve(Path dir, String name) throws ExecException {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new ExecException("plugin name '" + name + "' must be a plain file name inside " + dir);
        }
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new ExecException("no exec plugin '" + name + "': " + p + " does not exist or is not a file");
        }
        if (!Files.isExecutable(p)) {
            throw new ExecException("exec plugin " + p + " is not executable (chmod +x " + p + ")");
        }
        return p;
    }

    /** Runs the plugin and returns its answer, which must be one JSON object. */
    public static JsonNode run(Path executable, List<String> args, byte[] input, Limits limits) throws ExecException {
        List<String> command = new ArrayList<>(args.size() + 1);
        // absolute: the child changes into the plugin's directory before exec, so a relative path would miss
        command.add(executable.toAbsolutePath().toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(executable.getParent().toFile());
        Map<String, String> env = pb.environment();
        Map<String, String> keep = new java.util.HashMap<>();
        PASSED_ENV.forEach(k -> {
            if (env.containsKey(k)) {
                keep.put(k, env.get(k));
            }
        });
        env.clear();
        env.putAll(keep);
        env.put("MAILWARDEN_PLUGIN_API", "1");
        String name = executable.getFileName().toString();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ExecException("exec plugin " + name + " could not start: " + e.getMessage());
        }
        try {
            Thread.ofVirtual().start(() -> feed(process.getOutputStream(), input));
            // a plugin flooding stdout is stopped at once rather than left running until the timeout
            Bounded out = new Bounded(process.getInputStream(), limits.maxOutputBytes(), () -> kill(process));
            Bounded err = new Bounded(process.getErrorStream(), 4096, () -> { });
            Thread outReader = Thread.ofVirtual().start(out);
            Thread errReader = Thread.ofVirtual().start(err);
            if (!process.waitFor(limits.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new ExecException("exec plugin " + name + " did not answer within " + limits.timeout().toSeconds()
                        + " s and was killed");
            }
            outReader.join(1000);
            errReader.join(1000);
            if (out.overflowed) {
                throw new ExecException("exec plugin " + name + " printed more than " + limits.maxOutputBytes()
                        + " bytes; its answer must be one small JSON object");
            }
            if (process.exitValue() != 0) {
                throw new ExecException("exec plugin " + name + " exited with status " + process.exitValue()
                        + stderrHint(err));
            }
            return parse(name, out.text(), err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new ExecException("exec plugin " + name + " was interrupted");
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static JsonNode parse(String name, String stdout, Bounded err) throws ExecException {
        try {
            JsonNode answer = JSON.readTree(stdout);
            if (answer == null || !answer.isObject()) {
                throw new ExecException("exec plugin " + name + " must print one JSON object, printed: " + shorten(stdout)
                        + stderrHint(err));
            }
            return answer;
        } catch (IOException e) {
            throw new ExecException("exec plugin " + name + " printed something that is not JSON: " + shorten(stdout)
                    + stderrHint(err));
        }
    }

    private static void feed(OutputStream stdin, byte[] input) {
        try (stdin) {
            stdin.write(input);
        } catch (IOException pluginDidNotRead) {
            // a plugin may answer without reading its input; that is its right
        }
    }

    private static String stderrHint(Bounded err) {
        String e = err.text().strip();
        return e.isEmpty() ? "" : "; it said: " + shorten(e);
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.isEmpty() ? "(nothing)" : one.length() > 200 ? one.substring(0, 197) + "..." : one;
    }

    /** Reads a stream up to a limit, then keeps draining it so the process never blocks on a full pipe. */
    private static final class Bounded implements Runnable {
        private final InputStream in;
        private final int limit;
        private final Runnable onOverflow;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private volatile boolean overflowed;

        Bounded(InputStream in, int limit, Runnable onOverflow) {
            this.in = in;
            this.limit = limit;
            this.onOverflow = onOverflow;
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    int room = limit - buf.size();
                    if (n > room && !overflowed) {
                        overflowed = true;
                        onOverflow.run();
                    }
                    buf.write(chunk, 0, Math.max(0, Math.min(n, room)));
                }
            } catch (IOException closed) {
                // the process was killed
            }
        }

        synchronized String text() {
            return buf.toString(StandardCharsets.UTF_8);
        }
    }
}
