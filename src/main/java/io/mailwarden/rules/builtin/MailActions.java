package io.mailwarden.rules.builtin;

import io.mailwarden.plan.Step;
import io.mailwarden.plugin.ActionPlugin;
import io.mailwarden.plugin.CompileContext;
import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** reply and forward: the actions that send mail. Sending (and never looping) is the SMTP side's job. */
final class MailActions {

    static final Set<String> PLACEHOLDERS = Set.of("subject", "from.name", "from.address", "date", "account", "to");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"]+@[^\\s@<>,;\"]+\\.[^\\s@<>,;\"]+");
    private static final List<String> REPLY_KEYS = List.of("subject", "body", "body-file", "html", "html-file",
            "days", "seconds", "addresses", "only-when-addressed");

    private MailActions() {
    }

    static List<ActionPlugin> all() {
        return List.of(
                Defs.action("reply", "automatic reply, at most once per sender per period (days: 7)", MailActions::reply),
                Defs.action("forward", "forward to addresses: forward: a@corp.example, or { to: [..], as: attachment|inline }",
                        MailActions::forward));
    }

    private static ActionPlugin.Action reply(ConfigNode config, CompileContext ctx) throws ConfigException {
        config.asMap("reply settings such as { body: ..., days: 7 }");
        config.checkKeys("reply", REPLY_KEYS);
        String subject = config.get("subject") == null ? "Re: ${subject}" : template(config.get("subject"), "subject");
        String body = text(config, "body", ctx, true);
        String html = text(config, "html", ctx, false);
        if (config.get("days") != null && config.get("seconds") != null) {
            throw config.get("seconds").error("reply: give days or seconds, not both");
        }
        Duration period = Duration.ofDays(7);
        if (config.get("days") != null) {
            period = Duration.ofDays(positive(config.get("days"), "days"));
        } else if (config.get("seconds") != null) {
            period = Duration.ofSeconds(positive(config.get("seconds"), "seconds"));
        }
        List<String> addresses = new ArrayList<>();
        if (config.get("addresses") != null) {
            for (ConfigNode a : config.get("addresses").asList("addresses")) {
                addresses.add(address(a));
            }
        }
        boolean onlyWhenAddressed = config.get("only-when-addressed") == null
                || config.get("only-when-addressed").asBoolean("only-when-addressed");
        Step s = new Step.Reply(subject, body, html, period, List.copyOf(addresses), onlyWhenAddressed);
        return f -> s;
    }

    private static int positive(ConfigNode n, String what) throws ConfigException {
        int v = n.asInt(what);
        if (v <= 0) {
            throw n.error(what + " must be at least 1");
        }
        return v;
    }

    /** A template given inline ({@code body}) or in a file next to the rules ({@code body-file}). */
    private static String text(ConfigNode config, String key, CompileContext ctx, boolean required) throws ConfigException {
        ConfigNode inline = config.get(key);
        ConfigNode file = config.get(key + "-file");
        if (inline != null && file != null) {
            throw file.error("reply: give " + key + " or " + key + "-file, not both");
        }
        if (inline != null) {
            return template(inline, key);
        }
        if (file == null) {
            if (required) {
                throw config.error("reply needs body (the text) or body-file (a file next to the rules)");
            }
            return null;
        }
        String name = file.asNonBlank("a file name for " + key + "-file");
        Path dir = ctx.rulesDir().toAbsolutePath().normalize();
        Path p = dir.resolve(name).normalize();
        if (!p.startsWith(dir)) {
            throw file.error(key + "-file must stay inside the rules directory " + dir);
        }
        try {
            return template(ConfigNode.scalar(file.location(), Files.readString(p, StandardCharsets.UTF_8)), key);
        } catch (IOException e) {
            throw file.error("cannot read template " + p + ": " + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : e.getMessage()) + " (templates are UTF-8 text)");
        }
    }

    private static String template(ConfigNode node, String what) throws ConfigException {
        String t = node.asNonBlank("text for " + what);
        Matcher m = PLACEHOLDER.matcher(t);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw node.error("unknown placeholder ${" + m.group(1) + "} in " + what
                        + io.mailwarden.plugin.Suggest.didYouMean(m.group(1), PLACEHOLDERS)
                        + " (known: " + PLACEHOLDERS.stream().sorted().map(p -> "${" + p + "}").toList() + ")");
            }
        }
        return t;
    }

    private static ActionPlugin.Action forward(ConfigNode config, CompileContext ctx) throws ConfigException {
        ConfigNode to = config;
        boolean asAttachment = true;
        if (config.isMap()) {
            config.checkKeys("forward", List.of("to", "as"));
            to = config.require("to", "forward");
            if (config.get("as") != null) {
                String as = config.get("as").asString("attachment or inline");
                if (!as.equals("attachment") && !as.equals("inline")) {
                    throw config.get("as").error("forward as: expected attachment or inline, found '" + as + "'");
                }
                asAttachment = as.equals("attachment");
            }
        }
        List<String> recipients = new ArrayList<>();
        for (ConfigNode n : to.asList("recipient addresses")) {
            recipients.add(address(n));
        }
        if (recipients.isEmpty()) {
            throw to.error("forward needs at least one address");
        }
        Step s = new Step.Forward(List.copyOf(recipients), asAttachment);
        return f -> s;
    }

    private static String address(ConfigNode n) throws ConfigException {
        String a = n.asNonBlank("an email address").strip();
        if (!ADDRESS.matcher(a).matches()) {
            throw n.error("'" + a + "' is not an email address (expected name@domain.example)");
        }
        return a;
    }
}
