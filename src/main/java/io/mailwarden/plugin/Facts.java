package io.mailwarden.plugin;

import io.mailwarden.message.MailItem;
import io.mailwarden.message.Message;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One message as the rules see it during one evaluation: the item, the time the evaluation runs
 * at, and per-evaluation caches so a hundred rules fold a body to lower case once, not a hundred
 * times. Not thread-safe: one evaluation, one thread.
 */
public final class Facts {

    private final MailItem item;
    private final Instant now;
    private final Map<String, String> folded = new IdentityHashMap<>();
    private Map<Object, Object> memo;
    private List<String> problems;

    public Facts(MailItem item, Instant now) {
        this.item = item;
        this.now = now;
    }

    public MailItem item() {
        return item;
    }

    public Message message() {
        return item.message();
    }

    /** The instant rules compare ages with: fixed for the whole evaluation. */
    public Instant now() {
        return now;
    }

    /** {@code s} in lower case (Unicode-aware), computed once per evaluation for each string instance. */
    public String lower(String s) {
        return folded.computeIfAbsent(s, x -> x.toLowerCase(Locale.ROOT));
    }

    /** A value computed once per evaluation under {@code key} (an exec plugin's answer, say). */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> compute) {
        if (memo == null) {
            memo = new HashMap<>();
        }
        Object v = memo.get(key);
        if (v == null) {
            v = compute.get();
            memo.put(key, v);
        }
        return (T) v;
    }

    /** Records something that went wrong while evaluating (a failing exec plugin); it reaches the plan's notes. */
    public void problem(String message) {
        if (problems == null) {
            problems = new ArrayList<>();
        }
        problems.add(message);
    }

    public List<String> problems() {
        return problems == null ? List.of() : List.copyOf(problems);
    }
}
