package io.mailwarden.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** Builds the command line, with a command list that shows every subcommand, nested ones included. */
public final class CommandLines {

    private CommandLines() {
    }

    public static CommandLine create(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(MailwardenCommand.class, factory);
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, CommandLines::leaves);
        return cl;
    }

    private static String leaves(Help help) {
        List<String[]> rows = new ArrayList<>();
        collect(help.commandSpec().commandLine(), "", rows);
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append("  ").append(String.format("%-" + width + "s", r[0])).append("  ").append(r[1]).append('\n');
        }
        return sb.toString();
    }

    private static void collect(CommandLine cl, String prefix, List<String[]> rows) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            CommandLine sub = e.getValue();
            if (sub.getCommandSpec().usageMessage().hidden() || !sub.getCommandName().equals(e.getKey())) {
                continue;
            }
            String name = prefix + e.getKey();
            if (sub.getSubcommands().isEmpty()) {
                String[] desc = sub.getCommandSpec().usageMessage().description();
                rows.add(new String[] {name, desc.length == 0 ? "" : desc[0]});
            } else {
                collect(sub, name + " ", rows);
            }
        }
    }
}
