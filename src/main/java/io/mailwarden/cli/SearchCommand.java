package io.mailwarden.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailwarden.archive.index.IndexException;
import io.mailwarden.search.QuerySyntaxException;
import io.mailwarden.search.Search;
import io.mailwarden.search.SearchPage;
import io.mailwarden.search.SearchService;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mailwarden search}: the archive's search from a shell, read-only (works while the daemon runs). */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the archive (e.g. 'from:vendor.example 发票 after:2026-03-01'); reads the index"
                + " without its write lock, so it works while the daemon runs.",
        footer = {"", "Syntax: words, \"phrases\", from: to: cc: subject: body: attachment: filename: has:attachment",
            "folder: account: after: before: older_than: newer_than: is:unread|read|flagged|answered rule: larger:",
            "smaller:, -word to exclude, OR, (groups). See README, \"Search\".",
            "", "Exit codes: 0 searched (even with no hit), 1 no index or it cannot be read, 2 malformed query or options."})
public class SearchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query; several arguments are joined with spaces")
    List<String> query = List.of();

    @Option(names = "--limit", defaultValue = "20", description = "Hits to show, 1 to 100 (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Hits to skip first (paging)")
    int offset;

    @Option(names = "--sort", defaultValue = "date", description = "date (newest first, the default) or relevance")
    String sort;

    @Option(names = "--json", description = "Print the page as JSON, as GET /api/search answers")
    boolean json;

    @Spec
    CommandSpec spec;

    @Inject
    SearchService service;

    @Inject
    ObjectMapper mapper;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Search.Order order = switch (sort.toLowerCase(Locale.ROOT)) {
                case "date" -> Search.Order.DATE;
                case "relevance" -> Search.Order.RELEVANCE;
                default -> throw new IllegalArgumentException("--sort must be date or relevance, not '" + sort + "'");
            };
            if (!indexExists()) {
                err.println("no index at " + indexLocation() + ": nothing has been archived yet (start the daemon,"
                        + " or run 'mailwarden backfill')");
                return 1;
            }
            SearchPage page = search().search(String.join(" ", query), limit, offset, order);
            if (json) {
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(page));
            } else {
                ResultTable.print(page, out);
            }
            return 0;
        } catch (QuerySyntaxException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IndexException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The search to run (tests give their own). */
    Search search() {
        return service;
    }

    boolean indexExists() {
        return service.indexExists();
    }

    String indexLocation() {
        return service.indexPath().toString();
    }
}
