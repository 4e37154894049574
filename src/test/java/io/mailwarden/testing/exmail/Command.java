package io.mailwarden.testing.exmail;

import io.mailwarden.testing.exmail.ImapTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A client command line: tag, name ({@code "UID FETCH"} for UID commands, upper case) and the
 * arguments as tokens. A line with fewer than two tokens (IDLE's {@code DONE}, a SASL answer) is
 * not a command.
 */
record Command(String line, String tag, String name, List<Token> args) {

    static Command parse(String line) {
        List<Token> tokens = ImapTokens.split(line);
        if (tokens.size() < 2) {
            return new Command(line, tokens.isEmpty() ? "" : tokens.get(0).raw(), "", List.of());
        }
        String name = tokens.get(1).raw().toUpperCase(Locale.ROOT);
        int first = 2;
        if (name.equals("UID") && tokens.size() > 2) {
            name = "UID " + tokens.get(2).raw().toUpperCase(Locale.ROOT);
            first = 3;
        }
        return new Command(line, tokens.get(0).raw(), name, List.copyOf(tokens.subList(first, tokens.size())));
    }

    boolean isCommand() {
        return !name.isEmpty();
    }

    boolean is(String commandName) {
        return name.equals(commandName);
    }

    /** The argument at {@code index} as a string value, or null if there is none. */
    String arg(int index) {
        return index < args.size() ? args.get(index).value() : null;
    }

    Command withName(String newName) {
        return rebuild(newName, args);
    }

    Command withArgs(List<Token> newArgs) {
        return rebuild(name, newArgs);
    }

    Command withArg(int index, Token token) {
        List<Token> copy = new ArrayList<>(args);
        copy.set(index, token);
        return withArgs(copy);
    }

    /** A tagged response to this command, e.g. {@code reply("OK LOGIN completed")}. */
    String reply(String statusAndText) {
        return tag + " " + statusAndText;
    }

    private Command rebuild(String newName, List<Token> newArgs) {
        String joined = newArgs.stream().map(Token::raw).collect(Collectors.joining(" "));
        String newLine = tag + " " + newName + (joined.isEmpty() ? "" : " " + joined);
        return new Command(newLine, tag, newName, List.copyOf(newArgs));
    }
}
