package io.mailwarden.daemon;

import io.mailwarden.account.Account;
import io.mailwarden.actions.Execution;
import io.mailwarden.actions.IncomingMessage;
import io.mailwarden.actions.PlanExecutor;
import io.mailwarden.imap.FolderScan;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.ImapException;
import io.mailwarden.imap.LoginBudget;
import io.mailwarden.message.MailItem;
import io.mailwarden.message.MailboxPort;
import io.mailwarden.message.Message;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.MessageRef;
import io.mailwarden.message.parse.MessageParser;
import io.mailwarden.plan.Plan;
import io.mailwarden.plan.PlannedAction;
import io.mailwarden.plan.Step;
import io.mailwarden.rules.Rule;
import io.mailwarden.rules.RuleRepository;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.state.ScheduleProgressStore;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Runs of scheduled rules: each {@link #run(String)} walks the rule's folders of every account in
 * ascending UID order, evaluates the rule on each message (at most the configured number per second)
 * and carries out its plan through the walk's connection, audited like arrival. Progress is stored per
 * message, so a run stopped midway goes on from there at the rule's next firing.
 */
public final class ScheduledRuleRun {

    private static final Logger LOG = Logger.getLogger("mailwarden.schedule");

    private final MessageParser parser = new MessageParser();
    private final RuleRepository rules;
    private final RuleEngine engine;
    private final PlanExecutor executor;
    private final ScheduleProgressStore progress;
    private final List<Account> accounts;
    private final Function<Account, LoginBudget> budgets;
    private final Clock clock;
    private final boolean dryRun;
    private final double perSecond;
    private final BooleanSupplier stopped;

    ScheduledRuleRun(RuleRepository rules, RuleEngine engine, PlanExecutor executor, Stores stores, List<Account> accounts,
            Function<Account, LoginBudget> budgets, Clock clock, boolean dryRun, double perSecond, BooleanSupplier stopped) {
        this.rules = rules;
        this.engine = engine;
        this.executor = executor;
        this.progress = stores.progress();
        this.accounts = accounts;
        this.budgets = budgets;
        this.clock = clock;
        this.dryRun = dryRun;
        this.perSecond = perSecond;
        this.stopped = stopped;
    }

    /** One run of the rule named {@code ruleName} (as it is in the rules in force now) over every account. */
    public void run(String ruleName) {
        Rule rule = rules.current().rules().stream().filter(r -> r.name().equals(ruleName)).findFirst().orElse(null);
        if (rule == null || !rule.enabled() || rule.schedule() == null) {
            return;
        }
        RateLimiter limit = new RateLimiter(perSecond);
        Instant started = clock.instant();
        for (Account account : accounts) {
            if (stopped()) {
                return;
            }
            if (!rule.scope().accounts().isEmpty() && rule.scope().accounts().stream().noneMatch(p -> p.test(account.name()))) {
                continue;
            }
            Predicate<String> scope = rule.scope().folderGlobs().isEmpty() ? null
                    : folder -> rule.scope().includes(account.name(), folder);
            try {
                boolean done = new FolderScan(new ImapConnector(account, budgets.apply(account)),
                        (a, f) -> rule.needsBody())
                        .walk(scope, new Walk(rule, account.name(), started, limit));
                LOG.debugf("rule %s, account %s: run %s", rule.name(), account.name(), done ? "finished" : "stopped");
            } catch (ImapException e) {
                LOG.warnf("rule %s: run stopped: %s; it goes on at the next firing", rule.name(), e.getMessage());
            } catch (MessagingException | RuntimeException e) { // StateException among them
                LOG.warnf("rule %s, account %s: run stopped: %s; it goes on at the next firing", rule.name(),
                        account.name(), e.getMessage());
            }
        }
    }

    private boolean stopped() {
        return stopped.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /** One rule over one account's folders. */
    private final class Walk implements FolderScan.Visitor {
        private final Rule rule;
        private final String account;
        private final Instant started;
        private final RateLimiter limit;

        Walk(Rule rule, String account, Instant started, RateLimiter limit) {
            this.rule = rule;
            this.account = account;
            this.started = started;
            this.limit = limit;
        }

        @Override
        public long startAfter(String folder, long uidValidity) {
            long after = progress.begin(rule.name(), account, folder, uidValidity, started);
            if (after > 0) {
                LOG.infof("rule %s: %s/%s: going on with an unfinished run after UID %d", rule.name(), account, folder, after);
            }
            return after;
        }

        @Override
        public boolean visit(MessageArrived arrived, MailboxPort port) {
            if (stopped() || !limit.acquire() || stopped()) {
                return false;
            }
            MessageRef ref = arrived.ref();
            Message message = parser.parseArrival(arrived);
            MailItem item = new MailItem(ref.account(), ref.folder(), ref.uid(), arrived.flags(), arrived.keywords(),
                    arrived.internalDate(), message, null);
            Plan plan = withoutNoOps(engine.evaluateScheduled(rule, item, clock.instant()), item);
            plan.notes().forEach(n -> LOG.infof("%s: %s", ref, n));
            Execution done = executor.execute(plan, new IncomingMessage(ref, message, arrived.raw(), arrived.complete()), port, dryRun);
            if (done.retry()) {
                LOG.warnf("rule %s: %s: %s; the run goes on from this message at the next firing", rule.name(), ref,
                        done.error());
                return false;
            }
            progress.advance(rule.name(), account, ref.folder(), ref.uid());
            return true;
        }

        @Override
        public void finished(String folder, long uidValidity) {
            progress.finish(rule.name(), account, folder, clock.instant());
        }
    }

    /**
     * The plan without flag and keyword changes the message already has: a nightly "mark newsletters
     * read" then neither talks to the server nor fills the audit trail for mail it marked before.
     */
    static Plan withoutNoOps(Plan plan, MailItem item) {
        List<PlannedAction> kept = plan.actions().stream().filter(a -> !noOp(a.step(), item)).toList();
        return kept.size() == plan.actions().size() ? plan
                : new Plan(kept, plan.matchedRules(), plan.notes(), plan.stoppedBy());
    }

    private static boolean noOp(Step step, MailItem item) {
        if (step instanceof Step.SetFlag f) {
            return f.on() == item.flags().contains(f.flag().name().toLowerCase(Locale.ROOT));
        }
        if (step instanceof Step.Keyword k) {
            return k.add() == item.keywords().contains(k.keyword());
        }
        return false;
    }
}
