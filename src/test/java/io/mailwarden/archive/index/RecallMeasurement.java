package io.mailwarden.archive.index;

import io.mailwarden.archive.index.RecallCorpus.Corpus;
import io.mailwarden.archive.index.RecallCorpus.Kind;
import io.mailwarden.archive.index.RecallCorpus.Probe;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.search.Query;

/**
 * Recall and precision of {@link TextQueries#anywhere} over a {@link RecallCorpus}, per kind of probe.
 *
 * <p>Recall: planted messages found / planted messages. Precision against the plants: hits that are
 * planted messages / hits (a 1-character word is also found inside other words, so it is low there by
 * nature). Precision against the text: hits whose text really holds the typed characters in a row
 * (after width, case and accent folding, and with wraps between Han characters undone) / hits.
 */
public final class RecallMeasurement {

    /** The figures of one kind of probe (or of all, with {@code kind} null). */
    public record Row(Kind kind, int probes, int planted, int found, int hits, int hitsHoldingText) {

        public double recall() {
            return planted == 0 ? 1 : (double) found / planted;
        }

        public double precisionAgainstPlants() {
            return hits == 0 ? 1 : (double) found / hits;
        }

        public double precisionAgainstText() {
            return hits == 0 ? 1 : (double) hitsHoldingText / hits;
        }

        Row plus(Row o) {
            return new Row(null, probes + o.probes, planted + o.planted, found + o.found, hits + o.hits,
                    hitsHoldingText + o.hitsHoldingText);
        }
    }

    /** What one probe found, for a message in a failure. */
    public record ProbeResult(Probe probe, Set<String> planted, Set<String> hits) {
    }

    private RecallMeasurement() {
    }

    /** Searches every probe (index refreshed, whole corpus in it); one result per probe. */
    public static List<ProbeResult> search(ArchiveIndex index, Corpus corpus) {
        TextQueries text = new TextQueries();
        List<ProbeResult> out = new ArrayList<>();
        for (Map.Entry<Probe, Set<String>> e : corpus.plantedIn().entrySet()) {
            Query q = text.anywhere(e.getKey().typed()).orElseThrow();
            Set<String> hits = index.search(q, corpus.messages().size(), null).hits().stream()
                    .map(h -> h.message().id()).collect(Collectors.toSet());
            out.add(new ProbeResult(e.getKey(), e.getValue(), hits));
        }
        return out;
    }

    /** Rows per kind, in {@link Kind} order, then the total (kind null). */
    public static List<Row> rows(Corpus corpus, List<ProbeResult> results) {
        Map<String, MessageDocument> byId = corpus.messages().stream()
                .collect(Collectors.toMap(MessageDocument::id, Function.identity()));
        Map<Kind, Row> perKind = new EnumMap<>(Kind.class);
        for (ProbeResult r : results) {
            Set<String> found = new HashSet<>(r.hits());
            found.retainAll(r.planted());
            String typed = fold(r.probe().typed());
            int holding = (int) r.hits().stream().filter(id -> holds(byId.get(id), typed)).count();
            Row row = new Row(r.probe().kind(), 1, r.planted().size(), found.size(), r.hits().size(), holding);
            perKind.merge(r.probe().kind(), row, (a, b) -> new Row(a.kind(), a.probes() + b.probes(),
                    a.planted() + b.planted(), a.found() + b.found(), a.hits() + b.hits(),
                    a.hitsHoldingText() + b.hitsHoldingText()));
        }
        List<Row> rows = new ArrayList<>(perKind.values());
        rows.add(rows.stream().reduce(new Row(null, 0, 0, 0, 0, 0), Row::plus));
        return rows;
    }

    /** The rows as a Markdown table. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder(
                "| probes | kind | planted in | found | recall | hits | precision (plants) | precision (text) |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %.3f | %d | %.3f | %.3f |%n", r.probes(),
                    r.kind() == null ? "**all**" : r.kind().label, r.planted(), r.found(), r.recall(), r.hits(),
                    r.precisionAgainstPlants(), r.precisionAgainstText()));
        }
        return sb.toString();
    }

    private static boolean holds(MessageDocument m, String typed) {
        List<String> texts = new ArrayList<>(List.of(m.subject(), m.body()));
        m.attachments().forEach(a -> {
            texts.add(a.text());
            texts.add(a.name().replaceAll("[._\\-]+", " "));
        });
        m.from().forEach(a -> texts.add(a.name() + " " + a.address()));
        m.to().forEach(a -> texts.add(a.name() + " " + a.address()));
        return texts.stream().anyMatch(t -> fold(t).contains(typed));
    }

    private static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        n = Normalizer.normalize(n, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("(?<=\\p{IsHan})[ \\t]*\\r?\\n[ \\t]*(?=\\p{IsHan})", "").replaceAll("\\s+", " ");
    }
}
