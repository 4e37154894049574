package io.mailwarden.rules.builtin;

import io.mailwarden.plan.Step;
import io.mailwarden.plan.Step.Flag;
import io.mailwarden.plugin.ActionPlugin;
import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import java.util.List;

/** move, copy, flags, keywords, delete and archive. */
final class BasicActions {

    private BasicActions() {
    }

    static List<ActionPlugin> all() {
        return List.of(
                Defs.action("move", "move to a folder (created when missing): move: 财务/发票", (config, ctx) -> {
                    Step s = new Step.Move(FolderNames.check(config, ctx, "move"));
                    return Defs.onHeaders(s);
                }),
                Defs.action("copy", "copy to a folder, the message stays where it is", (config, ctx) -> {
                    Step s = new Step.Copy(FolderNames.check(config, ctx, "copy"));
                    return Defs.onHeaders(s);
                }),
                flag("mark-read", Flag.SEEN, true, "set \\Seen"),
                flag("mark-unread", Flag.SEEN, false, "clear \\Seen"),
                flag("flag", Flag.FLAGGED, true, "set \\Flagged (starred)"),
                flag("unflag", Flag.FLAGGED, false, "clear \\Flagged"),
                keyword("add-keyword", true),
                keyword("remove-keyword", false),
                Defs.action("delete", "move to the account's trash folder (never expunged)", (config, ctx) -> {
                    noArgument(config, "delete");
                    Step s = new Step.Delete();
                    return Defs.onHeaders(s);
                }),
                // archive keeps the default: it needs the message whole
                Defs.action("archive", "archive into a named collection: archive: contracts", (config, ctx) -> {
                    String name = config.asNonBlank("a collection name for archive").strip();
                    if (!name.matches("[\\p{L}\\p{N}._-]+")) {
                        throw config.error("collection name '" + name + "' may hold only letters, digits, '.', '_' and '-'");
                    }
                    Step s = new Step.Archive(name);
                    return f -> s;
                }));
    }

    private static ActionPlugin flag(String name, Flag flag, boolean on, String summary) {
        return Defs.action(name, summary, (config, ctx) -> {
            noArgument(config, name);
            return Defs.onHeaders(new Step.SetFlag(flag, on));
        });
    }

    private static ActionPlugin keyword(String name, boolean add) {
        return Defs.action(name, (add ? "add" : "remove") + " an IMAP keyword: " + name + ": $Invoice", (config, ctx) -> {
            String k = config.asNonBlank("a keyword for " + name).strip();
            // IMAP atom: no spaces, no ( ) { % * " \ ] and nothing outside printable ASCII
            if (!k.matches("[\\x21-\\x7e&&[^(){%*\"\\\\\\]]]+") || k.startsWith("\\")) {
                throw config.error("'" + k + "' cannot be an IMAP keyword: use printable ASCII without spaces, "
                        + "( ) { % * \" \\ or ], and no leading backslash");
            }
            return Defs.onHeaders(new Step.Keyword(k, add));
        });
    }

    static void noArgument(ConfigNode config, String name) throws ConfigException {
        if (!config.isEmpty() && !(config.isScalar() && config.asString(name).equalsIgnoreCase("true"))) {
            throw config.error(name + " takes no value: write '- " + name + "'");
        }
    }
}
