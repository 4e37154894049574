package io.mailwarden.rules.builtin;

import io.mailwarden.message.Headers;
import io.mailwarden.plugin.ConditionPlugin;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What kind of mail it is, from its headers: list mail (RFC 2369, RFC 2919), automatic mail
 * (RFC 3834), bulk (Precedence), and a spam verdict added by a filter.
 */
final class TraitConditions {

    private TraitConditions() {
    }

    static List<ConditionPlugin> all() {
        return List.of(
                trait("list-mail", "true for mailing-list mail (List-Id, List-* headers, Precedence: list)", TraitConditions::listMail),
                trait("auto-submitted", "true for automatic mail (Auto-Submitted other than no)", TraitConditions::autoSubmitted),
                trait("bulk", "true for bulk mail (Precedence: bulk, list or junk)", TraitConditions::bulk),
                trait("spam", "true when a filter marked it spam (X-Spam-Flag, X-Spam-Status, X-Spam)", TraitConditions::spam));
    }

    private static ConditionPlugin trait(String name, String summary, Function<Headers, String> evidence) {
        return Defs.condition(name, summary, (config, ctx) -> {
            boolean want = Defs.flagValue(config, name);
            return Defs.onHeaders(f -> (evidence.apply(f.message().headers()) != null) == want, f -> {
                String why = evidence.apply(f.message().headers());
                return name + " is " + want + (why == null ? "" : " (" + why + ")");
            });
        });
    }

    static String listMail(Headers h) {
        for (String name : List.of("List-Id", "List-Unsubscribe", "List-Post", "List-Help", "List-Subscribe", "List-Owner", "List-Archive")) {
            if (h.has(name)) {
                return name + " header";
            }
        }
        String p = h.first("Precedence");
        return p != null && p.strip().equalsIgnoreCase("list") ? "Precedence: list" : null;
    }

    static String autoSubmitted(Headers h) {
        String v = h.first("Auto-Submitted");
        return v != null && !v.strip().toLowerCase(Locale.ROOT).startsWith("no") ? "Auto-Submitted: " + v.strip() : null;
    }

    static String bulk(Headers h) {
        String p = h.first("Precedence");
        if (p == null) {
            return null;
        }
        String v = p.strip().toLowerCase(Locale.ROOT);
        return v.equals("bulk") || v.equals("list") || v.equals("junk") ? "Precedence: " + v : null;
    }

    static String spam(Headers h) {
        String flag = h.first("X-Spam-Flag");
        if (flag != null && flag.strip().toUpperCase(Locale.ROOT).startsWith("YES")) {
            return "X-Spam-Flag: " + flag.strip();
        }
        String status = h.first("X-Spam-Status");
        if (status != null && status.strip().toUpperCase(Locale.ROOT).startsWith("YES")) {
            return "X-Spam-Status: Yes";
        }
        String spam = h.first("X-Spam");
        if (spam != null && (spam.strip().equalsIgnoreCase("yes") || spam.strip().equalsIgnoreCase("true"))) {
            return "X-Spam: " + spam.strip();
        }
        return null;
    }
}
