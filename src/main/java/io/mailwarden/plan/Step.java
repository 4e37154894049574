package io.mailwarden.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One thing a plan says to do with a message. Built-in steps are records the executor knows;
 * a compiled-in plugin's action plans a {@link PluginStep}. {@link #phase()} orders a plan so that
 * flags are set before the message leaves its folder.
 */
public sealed interface Step {

    /** Execution order: lower first; a step that makes the message leave its folder is last. */
    int phase();

    /** How the step reads in {@code rules test}: {@code move → 财务/发票}. */
    String describe();

    /** Whether the message leaves its folder (at most one such step per plan). */
    default boolean leavesFolder() {
        return false;
    }

    /** IMAP system flags that rules can set and clear. */
    enum Flag {
        SEEN("\\Seen"), FLAGGED("\\Flagged"), ANSWERED("\\Answered");

        private final String imap;

        Flag(String imap) {
            this.imap = imap;
        }

        public String imap() {
            return imap;
        }
    }

    record SetFlag(Flag flag, boolean on) implements Step {
        public int phase() {
            return 1;
        }

        public String describe() {
            return switch (flag) {
                case SEEN -> on ? "mark-read" : "mark-unread";
                case FLAGGED -> on ? "flag" : "unflag";
                case ANSWERED -> on ? "mark-answered" : "mark-unanswered";
            };
        }
    }

    record Keyword(String keyword, boolean add) implements Step {
        public int phase() {
            return 1;
        }

        public String describe() {
            return (add ? "add-keyword " : "remove-keyword ") + keyword;
        }
    }

    record Copy(String folder) implements Step {
        public int phase() {
            return 2;
        }

        public String describe() {
            return "copy → " + folder;
        }
    }

    record Archive(String collection) implements Step {
        public int phase() {
            return 3;
        }

        public String describe() {
            return "archive → " + collection;
        }
    }

    /**
     * An automatic reply (sent later through SMTP with vacation semantics).
     *
     * @param subject subject template ({@code Re: ${subject}} style placeholders)
     * @param body plain-text body template
     * @param html optional HTML body template, or null
     * @param period at most one reply per sender per rule within this period
     * @param addresses the account's own addresses (aliases); empty means the account's login
     * @param onlyWhenAddressed reply only when one of those addresses is in To or Cc
     */
    record Reply(String subject, String body, String html, Duration period, List<String> addresses,
            boolean onlyWhenAddressed) implements Step {
        public int phase() {
            return 4;
        }

        public String describe() {
            return "reply (at most once per sender every " + Durations.format(period) + ")";
        }
    }

    /** @param to recipients; @param asAttachment the original as message/rfc822 (else inline) */
    record Forward(List<String> to, boolean asAttachment) implements Step {
        public int phase() {
            return 4;
        }

        public String describe() {
            return "forward → " + String.join(", ", to) + (asAttachment ? " (as attachment)" : " (inline)");
        }
    }

    /** Runs an exec plugin with the message as JSON on its stdin. */
    record RunExec(String plugin, List<String> args) implements Step {
        public int phase() {
            return 4;
        }

        public String describe() {
            return "run " + plugin + (args.isEmpty() ? "" : " " + String.join(" ", args));
        }
    }

    /** A compiled-in plugin's action; the plugin carries it out when the plan is executed. */
    record PluginStep(String plugin, Map<String, Object> options, String summary) implements Step {
        public int phase() {
            return 4;
        }

        public String describe() {
            return plugin + (summary.isEmpty() ? "" : " " + summary);
        }
    }

    record Move(String folder) implements Step {
        public int phase() {
            return 5;
        }

        public String describe() {
            return "move → " + folder;
        }

        @Override
        public boolean leavesFolder() {
            return true;
        }
    }

    /** Move to the account's trash folder; never an expunge. */
    record Delete() implements Step {
        public int phase() {
            return 5;
        }

        public String describe() {
            return "delete (to trash)";
        }

        @Override
        public boolean leavesFolder() {
            return true;
        }
    }
}
