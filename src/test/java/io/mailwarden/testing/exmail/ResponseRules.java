package io.mailwarden.testing.exmail;

import io.mailwarden.testing.exmail.ImapTokens.Token;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites one server line (without literal) the way Exmail would have said it, or suppresses
 * it. Also follows tagged completions to keep the {@link SessionState} right.
 */
final class ResponseRules {

    private static final Pattern CAPABILITY_CODE = Pattern.compile("\\[CAPABILITY [^]]*]", Pattern.CASE_INSENSITIVE);
    private static final Pattern PUSH = Pattern.compile("^\\* \\d+ (EXISTS|RECENT)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_CODE = Pattern.compile("^(\\* OK \\[[^]]*]) .*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMED = Pattern.compile("^\\* (LIST|LSUB|STATUS) ", Pattern.CASE_INSENSITIVE);

    private final ExmailBehaviour behaviour;
    private final FolderPushes pushes;

    ResponseRules(ExmailBehaviour behaviour, FolderPushes pushes) {
        this.behaviour = behaviour;
        this.pushes = pushes;
    }

    /** The line to send to the client, or null to suppress it. */
    String rewrite(String line, SessionState state) {
        if (!state.greeted) {
            state.greeted = true;
            return behaviour.exmailCapabilities() && line.startsWith("* OK") ? ExmailBehaviour.GREETING : line;
        }
        boolean listingForXlist = state.xlistTag != null;
        followCompletion(line, state);
        if (behaviour.exmailCapabilities()) {
            line = withExmailCapabilities(line, state.authenticated);
        }
        if (behaviour.pushOnlyToLatestSelector() && PUSH.matcher(line).matches()) {
            String folder = state.selected;
            if (folder != null && !pushes.isLatest(folder, state.connection)) {
                return null;
            }
        }
        if (behaviour.bareStatusCodes()) {
            Matcher bare = BARE_CODE.matcher(line);
            if (bare.matches() && !line.regionMatches(true, 0, "* OK [CAPABILITY", 0, 16)) {
                line = bare.group(1);
            }
        }
        if (NAMED.matcher(line).find()) {
            if (behaviour.exmailDelimiter()) {
                line = withExmailDelimiter(line);
            }
            if (listingForXlist && line.regionMatches(true, 0, "* LIST ", 0, 7)) {
                line = "* XLIST " + line.substring(7);
            }
        }
        return line;
    }

    private static void followCompletion(String line, SessionState state) {
        int space = line.indexOf(' ');
        if (space <= 0 || line.startsWith("*") || line.startsWith("+")) {
            return;
        }
        String tag = line.substring(0, space);
        boolean ok = line.regionMatches(true, space + 1, "OK", 0, 2);
        if (tag.equals(state.loginTag)) {
            state.authenticated = ok;
            state.loginTag = null;
        }
        if (tag.equals(state.xlistTag)) {
            state.xlistTag = null;
        }
        if (tag.equals(state.selectTag)) {
            state.selectTag = null;
            if (!ok) {
                state.selected = null;
            }
        }
    }

    private String withExmailCapabilities(String line, boolean authenticated) {
        String caps = authenticated
                ? behaviour.capabilitiesAfterLogin() + " "   // Exmail's trailing space, after login only
                : ExmailBehaviour.GREETING_CAPABILITIES;
        if (line.regionMatches(true, 0, "* CAPABILITY ", 0, 13)) {
            return "* CAPABILITY " + caps;
        }
        Matcher code = CAPABILITY_CODE.matcher(line);
        return code.find() ? code.replaceFirst(Matcher.quoteReplacement("[CAPABILITY " + caps + "]")) : line;
    }

    /** GreenMail's {@code "."} delimiter and dotted names become Exmail's {@code "/"}. */
    private static String withExmailDelimiter(String line) {
        List<Token> tokens = ImapTokens.split(line);
        StringBuilder out = new StringBuilder();
        boolean status = tokens.get(1).raw().equalsIgnoreCase("STATUS");
        int nameIndex = status ? 2 : 4;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String raw = token.raw();
            if (!status && i == 3 && token.value().equals(".")) {
                raw = "\"/\"";
            } else if (i == nameIndex && token.isString()) {
                raw = ImapTokens.quote(token.value().replace('.', '/'));
            }
            out.append(i == 0 ? "" : " ").append(raw);
        }
        return out.toString();
    }
}
