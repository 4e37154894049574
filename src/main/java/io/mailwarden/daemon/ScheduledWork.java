package io.mailwarden.daemon;

import io.mailwarden.account.Account;
import io.mailwarden.backup.snapshot.SnapshotJob;
import io.mailwarden.imap.FolderPoller;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.ImapException;
import io.mailwarden.imap.LoginBudget;
import io.mailwarden.imap.WatchState;
import io.mailwarden.message.ArrivalHandler;
import io.mailwarden.message.BodyNeed;
import io.mailwarden.rules.Rule;
import io.mailwarden.rules.RuleRepository;
import io.mailwarden.schedule.ScheduledJobs;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The daemon's scheduled jobs: one poll job per account with poll-folders (every poll-interval) and one
 * cron job per enabled rule with a {@code schedule}, kept in step with the rules in force after reloads, and the
 * scheduled snapshot of the data directory.
 */
final class ScheduledWork implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("mailwarden.schedule");
    private static final String RULE_JOB = "rule:";
    static final String BACKUP_JOB = "backup";

    private final ScheduledJobs jobs;
    private final RuleRepository rules;
    private final ScheduledRuleRun ruleRun;
    private final Map<String, String> ruleCrons = new HashMap<>();

    ScheduledWork(ScheduledJobs jobs, RuleRepository rules, ScheduledRuleRun ruleRun) {
        this.jobs = jobs;
        this.rules = rules;
        this.ruleRun = ruleRun;
    }

    /** Schedules the poll jobs, the scheduled rules and the snapshot (null: none), then lets them fire. */
    void start(List<Account> accounts, Function<Account, LoginBudget> budgets, ArrivalHandler handler, BodyNeed bodyNeed,
            WatchState state, SnapshotJob backup) {
        for (Account a : accounts) {
            if (a.pollFolders().isEmpty()) {
                continue;
            }
            jobs.every("poll:" + a.name(), a.pollInterval(), () -> poll(a, budgets.apply(a), handler, bodyNeed, state));
            LOG.infof("%s: polling %s every %s", a.name(), a.pollFolders(), a.pollInterval());
        }
        syncRules();
        if (backup != null) {
            jobs.cron(BACKUP_JOB, backup.cron(), backup.run());
            LOG.infof("backup: a snapshot of the data directory is taken on the schedule '%s'", backup.cron());
        }
        jobs.start();
    }

    private void poll(Account account, LoginBudget budget, ArrivalHandler handler, BodyNeed bodyNeed, WatchState state) {
        try {
            new FolderPoller(new ImapConnector(account, budget), handler, bodyNeed, state, jobs::closed).pollOnce();
        } catch (ImapException e) {
            LOG.warnf("%s: poll failed: %s; trying again at the next poll", account.name(), e.getMessage());
        }
    }

    /** Schedules new scheduled rules, reschedules changed ones, and drops those gone or disabled. */
    synchronized void syncRules() {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (Rule r : rules.current().rules()) {
            if (r.enabled() && r.schedule() != null) {
                wanted.put(r.name(), r.schedule());
            }
        }
        for (String name : List.copyOf(ruleCrons.keySet())) {
            if (!ruleCrons.get(name).equals(wanted.get(name))) {
                jobs.cancel(RULE_JOB + name);
                LOG.infof("rule %s: no longer scheduled as '%s'", name, ruleCrons.remove(name));
            }
        }
        wanted.forEach((name, cron) -> {
            if (!ruleCrons.containsKey(name)) {
                try {
                    jobs.cron(RULE_JOB + name, cron, () -> ruleRun.run(name));
                    ruleCrons.put(name, cron);
                    LOG.infof("rule %s: runs on the schedule '%s'", name, cron);
                } catch (RuntimeException e) { // the loader validated it; a scheduler may still refuse it
                    LOG.errorf("rule %s: cannot schedule '%s': %s; the rule does not run", name, cron, e.getMessage());
                }
            }
        });
    }

    @Override
    public void close() {
        jobs.close();
    }
}
