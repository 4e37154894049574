package io.mailwarden.testing.exmail;

import io.mailwarden.testing.exmail.ImapTokens.Token;
import java.util.List;
import java.util.Set;

/**
 * Decides what happens to one client command: forwarded (perhaps rewritten), answered by the
 * proxy itself, or the connection dropped. Pure apart from the shared login budget.
 */
final class CommandRules {

    sealed interface Verdict permits Forward, Reply, Drop {
    }

    /** Send {@code command} to the server. */
    record Forward(Command command) implements Verdict {
    }

    /** Answer with {@code lines}; {@code note} goes to the transcript when not null. */
    record Reply(List<String> lines, String note) implements Verdict {
    }

    /** Close the connection without a reply. */
    record Drop(String reason) implements Verdict {
    }

    private static final Set<String> FIRST_ARG_IS_SET = Set.of(
            "FETCH", "STORE", "COPY", "MOVE", "UID FETCH", "UID STORE", "UID COPY", "UID MOVE", "UID EXPUNGE");
    private static final Set<String> FIRST_ARG_IS_MAILBOX = Set.of(
            "SELECT", "EXAMINE", "CREATE", "DELETE", "SUBSCRIBE", "UNSUBSCRIBE", "STATUS", "APPEND");
    private static final Set<String> TWO_MAILBOX_ARGS = Set.of("RENAME", "LIST", "LSUB", "XLIST");
    private static final Set<String> SECOND_ARG_IS_MAILBOX = Set.of("COPY", "MOVE", "UID COPY", "UID MOVE");

    private final ExmailBehaviour behaviour;
    private final Set<String> advertised;
    private final LoginThrottle throttle;

    CommandRules(ExmailBehaviour behaviour, LoginThrottle throttle) {
        this.behaviour = behaviour;
        this.advertised = behaviour.advertisedCommands();
        this.throttle = throttle;
    }

    Verdict judge(Command command) {
        if (behaviour.dropUnadvertisedCommands() && !advertised.contains(command.name())) {
            return new Drop(command.isCommand() ? "not advertised: " + command.name() : "not a command");
        }
        switch (command.name()) {
            case "ID":
                return new Reply(List.of("* ID NIL", command.reply("OK ID completed")), null);
            case "NAMESPACE":
                String delimiter = behaviour.exmailDelimiter() ? "/" : ".";
                return new Reply(List.of("* NAMESPACE ((\"\" \"" + delimiter + "\")) NIL NIL",
                        command.reply("OK NAMESPACE Success")), null);
            case "LOGIN":
                if (!throttle.tryAcquire()) {
                    return new Reply(List.of(command.reply(ExmailBehaviour.LOGIN_FAILED)), "throttled: LOGIN");
                }
                break;
            default:
                break;
        }
        if (behaviour.rejectDescendingSets() && hasDescendingSet(command)) {
            return new Reply(List.of(command.reply(ExmailBehaviour.BAD_SET)),
                    "rejected: descending sequence set in " + command.name());
        }
        if (behaviour.rejectTextSearch() && isTextSearch(command)) {
            return new Reply(List.of(command.reply("BAD " + command.name() + " invalid argument")),
                    "rejected: text search in " + command.name());
        }
        Command forwarded = command;
        if (behaviour.xlist() && command.is("XLIST")) {
            forwarded = forwarded.withName("LIST");
        }
        if (behaviour.exmailDelimiter()) {
            forwarded = withServerDelimiter(forwarded);
        }
        return new Forward(forwarded);
    }

    static boolean hasDescendingSet(Command command) {
        if (FIRST_ARG_IS_SET.contains(command.name())) {
            return SequenceSets.isDescending(command.arg(0));
        }
        if (command.is("SEARCH") || command.is("UID SEARCH")) {
            return command.args().stream().anyMatch(t -> t.kind() == ImapTokens.Kind.ATOM
                    && SequenceSets.isDescending(t.value()));
        }
        return false;
    }

    static boolean isTextSearch(Command command) {
        if (!command.is("SEARCH") && !command.is("UID SEARCH")) {
            return false;
        }
        return command.line().chars().anyMatch(c -> c > 126) || command.args().stream()
                .anyMatch(t -> t.kind() == ImapTokens.Kind.ATOM
                        && ExmailBehaviour.TEXT_SEARCH_KEYS.contains(t.value().toUpperCase(java.util.Locale.ROOT)));
    }

    /** Exmail's {@code /} in mailbox arguments becomes GreenMail's {@code .}. */
    private static Command withServerDelimiter(Command command) {
        String name = command.name();
        Command result = command;
        if (FIRST_ARG_IS_MAILBOX.contains(name) || TWO_MAILBOX_ARGS.contains(name)) {
            result = translate(result, 0);
        }
        if (TWO_MAILBOX_ARGS.contains(name) || SECOND_ARG_IS_MAILBOX.contains(name)) {
            result = translate(result, 1);
        }
        return result;
    }

    private static Command translate(Command command, int index) {
        if (index >= command.args().size()) {
            return command;
        }
        Token token = command.args().get(index);
        if (!token.isString() || token.value().indexOf('/') < 0) {
            return command;
        }
        return command.withArg(index, Token.quoted(token.value().replace('/', '.')));
    }
}
