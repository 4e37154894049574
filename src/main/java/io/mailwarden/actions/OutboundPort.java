package io.mailwarden.actions;

import io.mailwarden.plan.Step;

/**
 * Where the executor hands automatic mail: the port decides whether a reply or forward may go out
 * (loops, lists, robots, vacation memory) and queues it for sending; delivery happens later, apart.
 */
public interface OutboundPort {

    /** Decides on and queues an automatic reply to {@code in}, asked for by {@code rule}. */
    Decision reply(IncomingMessage in, Step.Reply step, String rule);

    /** Decides on and queues a forward of {@code in}, asked for by {@code rule}. */
    Decision forward(IncomingMessage in, Step.Forward step, String rule);

    /** What became of the request, with a line for the audit trail. */
    record Decision(Kind kind, String detail) {

        public enum Kind {
            /** In the outbox (now or before): it will be sent. */
            QUEUED,
            /** Deliberately not sent (a suppression reason, or the sender was answered recently). */
            SUPPRESSED,
            /** Cannot be sent (the account has no address): a configuration problem. */
            REFUSED
        }

        public static Decision queued(String detail) {
            return new Decision(Kind.QUEUED, detail);
        }

        public static Decision suppressed(String detail) {
            return new Decision(Kind.SUPPRESSED, detail);
        }

        public static Decision refused(String detail) {
            return new Decision(Kind.REFUSED, detail);
        }
    }
}
