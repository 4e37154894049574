package io.mailwarden.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailwarden.message.MailItem;
import io.mailwarden.message.Message;
import io.mailwarden.plan.PlannedAction;
import io.mailwarden.plan.Step;
import io.mailwarden.rules.engine.Trace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** How {@code rules test} shows its findings, as text for people or JSON for scripts. */
final class TestReport {

    record Case(Path file, MailItem item, Trace trace) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private TestReport() {
    }

    static void text(Case c, boolean verbose, PrintWriter out) {
        Message m = c.item().message();
        out.println("== " + c.file());
        out.println("   From:    " + (m.from().isEmpty() ? "(none)" : m.from().get(0)));
        out.println("   Subject: " + m.subject());
        m.problems().forEach(p -> out.println("   parse problem: " + p));
        for (Trace.Entry e : c.trace().entries()) {
            if (e.outcome() == Trace.Outcome.MATCHED) {
                out.println("   ✔ " + e.rule().name() + "  (" + e.rule().at() + ")");
                out.println("       because: " + e.detail());
                out.println("       then:    " + String.join(", ", e.steps().stream().map(Step::describe).toList())
                        + (e.rule().stop() ? ", stop" : ""));
            } else if (verbose || e.outcome() == Trace.Outcome.FAILED) {
                out.println("   · " + e.rule().name() + ": " + e.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (e.detail().isEmpty() ? "" : " — " + e.detail()));
            }
        }
        List<PlannedAction> plan = c.trace().plan().actions();
        if (plan.isEmpty()) {
            out.println("   plan: nothing to do");
        } else {
            out.println("   plan:");
            for (int i = 0; i < plan.size(); i++) {
                out.printf("     %d. %s   [%s]%n", i + 1, plan.get(i).step().describe(), plan.get(i).rule());
            }
        }
        c.trace().plan().notes().forEach(n -> out.println("   note: " + n));
        out.println();
    }

    static String json(List<Case> cases) {
        ArrayNode all = JSON.createArrayNode();
        for (Case c : cases) {
            Message m = c.item().message();
            ObjectNode o = all.addObject();
            o.put("file", c.file().toString());
            o.put("subject", m.subject());
            o.put("from", m.from().isEmpty() ? null : m.from().get(0).address());
            o.put("messageId", m.messageId());
            o.putPOJO("parseProblems", m.problems());
            ArrayNode rules = o.putArray("rules");
            for (Trace.Entry e : c.trace().entries()) {
                ObjectNode r = rules.addObject();
                r.put("name", e.rule().name());
                r.put("at", e.rule().at().toString());
                r.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                r.put("detail", e.detail());
                ArrayNode steps = r.putArray("steps");
                e.steps().forEach(s -> steps.add(step(s)));
            }
            ArrayNode plan = o.putArray("plan");
            for (PlannedAction a : c.trace().plan().actions()) {
                plan.add(step(a.step()).put("rule", a.rule()).put("at", a.at()).put("because", a.because()));
            }
            o.put("stoppedBy", c.trace().plan().stoppedBy());
            o.putPOJO("notes", c.trace().plan().notes());
        }
        try {
            return JSON.writeValueAsString(all);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A step as JSON: its kind ({@code move}, {@code set-flag}), its description and its fields. */
    static ObjectNode step(Step s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("action", s.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
        n.put("describe", s.describe());
        n.setAll((ObjectNode) JSON.valueToTree(s));
        return n;
    }
}
