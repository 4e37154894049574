package io.mailwarden.cli;

import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.rules.RuleLoaderFactory;
import io.mailwarden.rules.load.Diagnostic;
import io.mailwarden.rules.load.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the rules commands. */
public class RulesOptions {

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules directory (default: mailwarden.rules.dir, rules)")
    Path rulesDir;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Exec plugins directory (default: mailwarden.plugins.dir, plugins)")
    Path pluginsDir;

    LoadResult load(RuleLoaderFactory loaders, MailwardenConfig config) {
        Path dir = rulesDir != null ? rulesDir : config.rules().dir();
        return loaders.loader(pluginsDir).load(dir);
    }

    static void print(LoadResult result, PrintWriter out) {
        for (Diagnostic d : result.diagnostics()) {
            out.println(d);
        }
        out.flush();
    }
}
