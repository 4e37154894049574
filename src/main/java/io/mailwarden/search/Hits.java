package io.mailwarden.search;

import io.mailwarden.archive.index.AttachmentDoc;
import io.mailwarden.archive.index.MessageDocument;
import java.util.ArrayList;
import java.util.List;

/** Index documents as the search API shows them. */
final class Hits {

    static final String PRESENT = "present";
    static final String DELETED = "deleted on the server";

    private Hits() {
    }

    static Hit of(MessageDocument m, String snippetHtml) {
        return new Hit(m.id(), m.account(), m.folder(), m.messageId(), m.subject(), m.from(), m.to(), m.cc(), m.date(),
                m.size(), m.flags(), attachments(m), snippetHtml, m.deletedOnServer());
    }

    /** The whole message: body and attachment texts as the index stores them. */
    static MessageView view(MessageDocument m) {
        List<MessageView.Part> parts = new ArrayList<>();
        parts.add(new MessageView.Part("body", "text/plain", m.body()));
        List<String> problems = new ArrayList<>(m.problems());
        for (AttachmentDoc a : m.attachments()) {
            parts.add(new MessageView.Part(a.name(), a.type(), a.text()));
            if (!a.problem().isEmpty()) {
                problems.add((a.name().isEmpty() ? "an attachment" : a.name()) + ": " + a.problem());
            }
        }
        return new MessageView(of(m, ""), parts, m.rules(), m.deletedOnServer() ? DELETED : PRESENT, problems);
    }

    private static List<AttachmentInfo> attachments(MessageDocument m) {
        List<AttachmentInfo> out = new ArrayList<>(m.attachments().size());
        for (int i = 0; i < m.attachments().size(); i++) {
            AttachmentDoc a = m.attachments().get(i);
            out.add(new AttachmentInfo(i, a.name(), a.type(), a.size(), a.problem()));
        }
        return out;
    }
}
