package io.mailwarden.outbound;

import io.mailwarden.message.Address;
import io.mailwarden.message.Message;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fills a reply template's placeholders ({@code ${subject}} and the others the rules check at load
 * time) from the original message. Values are inserted as they are: nothing in them is expanded again.
 */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private Templates() {
    }

    /** The placeholder values for a reply to {@code m} sent from {@code ownAddress}. */
    static Map<String, String> values(Message m, Address sender, String ownAddress) {
        String name = sender == null ? "" : sender.name().isEmpty() ? sender.address() : sender.name();
        return Map.of(
                "subject", m.subject(),
                "from.name", name,
                "from.address", sender == null ? "" : sender.address(),
                "date", m.date() == null ? "" : DATE.format(m.date()),
                "account", ownAddress,
                "to", m.to().stream().map(Address::address).collect(Collectors.joining(", ")));
    }

    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
