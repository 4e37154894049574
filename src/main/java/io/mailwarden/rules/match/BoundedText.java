package io.mailwarden.rules.match;

/**
 * Text handed to a regex with a budget of character reads, so a pathological pattern meeting hostile
 * mail (catastrophic backtracking) gives up instead of stalling the daemon.
 */
final class BoundedText implements CharSequence {

    /** Thrown when the budget is spent; the match counts as failed. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regular expression took too long", null, false, false);
        }
    }

    private final CharSequence text;
    private final long[] budget;

    BoundedText(CharSequence text, long budget) {
        this(text, new long[] {budget});
    }

    private BoundedText(CharSequence text, long[] budget) {
        this.text = text;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        if (--budget[0] < 0) {
            throw new BudgetExceeded();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.subSequence(start, end), budget);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
