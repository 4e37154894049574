package io.mailwarden.plugin.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailwarden.message.Address;
import io.mailwarden.message.Attachment;
import io.mailwarden.message.Header;
import io.mailwarden.message.MailItem;
import io.mailwarden.message.Message;
import java.util.List;

/**
 * The JSON an exec plugin receives on stdin (documented in plugins/README.md). The body text is
 * capped so a huge message cannot flood a plugin; the raw file path gives the whole message.
 */
public final class MessageJson {

    static final int MAX_TEXT = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageJson() {
    }

    public static byte[] of(MailItem item, List<String> args) {
        Message m = item.message();
        ObjectNode root = JSON.createObjectNode();
        root.put("api", 1);
        root.put("account", item.account());
        root.put("folder", item.folder());
        root.put("uid", item.uid());
        root.putPOJO("flags", item.flags().stream().sorted().toList());
        root.putPOJO("keywords", item.keywords().stream().sorted().toList());
        root.put("internalDate", item.internalDate() == null ? null : item.internalDate().toString());
        root.put("messageId", m.messageId());
        root.put("subject", m.subject());
        root.put("date", m.date() == null ? null : m.date().toString());
        root.put("size", m.size());
        addresses(root, "from", m.from());
        addresses(root, "to", m.to());
        addresses(root, "cc", m.cc());
        addresses(root, "replyTo", m.replyTo());
        ArrayNode headers = root.putArray("headers");
        for (Header h : m.headers().all()) {
            headers.addObject().put("name", h.name()).put("value", h.value());
        }
        String text = m.text();
        root.put("text", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        root.put("textTruncated", text.length() > MAX_TEXT);
        ArrayNode atts = root.putArray("attachments");
        for (Attachment a : m.attachments()) {
            atts.addObject().put("index", a.index()).put("filename", a.filename()).put("mediaType", a.mediaType())
                    .put("size", a.size());
        }
        root.put("rawFile", item.rawFile() == null ? null : item.rawFile().toAbsolutePath().toString());
        root.putPOJO("args", args);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("message JSON", e); // only plain values above: cannot happen
        }
    }

    private static void addresses(ObjectNode root, String name, List<Address> list) {
        ArrayNode arr = root.putArray(name);
        list.forEach(a -> arr.addObject().put("address", a.address()).put("name", a.name()));
    }
}
