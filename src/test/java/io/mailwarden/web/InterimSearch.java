package io.mailwarden.web;

import io.mailwarden.archive.ArchiveService;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.MessageDocument;
import io.mailwarden.archive.index.TextQueries;
import io.mailwarden.daemon.DaemonLauncher;
import io.mailwarden.search.AttachmentContent;
import io.mailwarden.search.AttachmentInfo;
import io.mailwarden.search.Hit;
import io.mailwarden.search.MessageView;
import io.mailwarden.search.QuerySyntaxException;
import io.mailwarden.search.Search;
import io.mailwarden.search.SearchPage;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.IntStream;

/** Interim stand-in for search.SearchService over the daemon's real index (words only), until it lands on main. */
@DefaultBean
@ApplicationScoped
public class InterimSearch implements Search {

    private final DaemonLauncher launcher;

    public InterimSearch(DaemonLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public SearchPage search(String query, int limit, int offset, Order order) {
        int paren = query.indexOf('(');
        if (paren >= 0 && query.indexOf(')', paren) < 0) {
            throw new QuerySyntaxException("the parenthesis at " + paren + " is never closed", paren);
        }
        int quote = query.indexOf('"');
        if (quote >= 0 && query.indexOf('"', quote + 1) < 0) {
            throw new QuerySyntaxException("the quote at " + quote + " is never closed", quote);
        }
        ArchiveIndex index = launcher.archive().index();
        index.refresh();
        var q = new TextQueries().anywhere(query.replaceAll("[\"()]", "")).orElseThrow();
        var r = index.search(q, limit + offset, ArchiveIndex.NEWEST_FIRST);
        List<Hit> hits = r.hits().stream().skip(offset).map(h -> hit(h.message(), escape(doc(h.message().id()).orElseThrow().body()))).toList();
        return new SearchPage(query, r.total(), r.exact(), 1, offset, hits);
    }

    private static Hit hit(MessageDocument d, String snippet) {
        List<AttachmentInfo> atts = IntStream.range(0, d.attachments().size()).mapToObj(i -> new AttachmentInfo(i,
                d.attachments().get(i).name(), d.attachments().get(i).type(), d.attachments().get(i).size(), "")).toList();
        return new Hit(d.id(), d.account(), d.folder(), d.messageId(), d.subject(), d.from(), d.to(), d.cc(), d.date(),
                d.size(), d.flags(), atts, snippet, d.deletedOnServer());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public Optional<MessageView> message(String id) {
        return doc(id).map(d -> new MessageView(hit(d, ""), List.of(new MessageView.Part("body", "text/plain", d.body())),
                d.rules(), "present", d.problems()));
    }

    private Optional<MessageDocument> doc(String id) {
        ArchiveService.Opened a = launcher.archive();
        a.index().refresh();
        return a.index().get(id);
    }

    @Override
    public Optional<byte[]> raw(String id) {
        return doc(id).map(d -> {
            try {
                return launcher.archive().archive().store().read(d.contentHash());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Override
    public Optional<AttachmentContent> attachment(String id, int n) {
        return raw(id).flatMap(bytes -> {
            try {
                List<Part> parts = new ArrayList<>();
                collect(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes)), parts);
                if (n >= parts.size()) {
                    return Optional.empty();
                }
                Part p = parts.get(n);
                return Optional.of(new AttachmentContent(p.getFileName(), p.getContentType().split(";")[0],
                        p.getInputStream().readAllBytes()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void collect(Part p, List<Part> out) throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), out);
            }
        } else if (p.getFileName() != null) {
            out.add(p);
        }
    }
}
