package io.mailwarden.rules;

import static io.mailwarden.rules.RuleFixture.mail;
import static io.mailwarden.rules.RuleFixture.steps;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.plan.Plan;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.rules.engine.Trace;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** all / any / not, several conditions in one mapping, stop, scope, enabled and schedules. */
class CompositionTest {

    @TempDir
    Path dir;

    static final String MSG = mail("From: ann@vendor.example\nTo: me@corp.example\nSubject: 合同 draft", "please sign");

    private boolean matches(String when) {
        return !new RuleFixture(dir).rules("- name: r\n  when:\n" + when.stripIndent().indent(4) + "  then: [flag]\n")
                .plan(MSG).isEmpty();
    }

    @Test
    void allNeedsEveryConditionAnyNeedsOne() {
        assertThat(matches("all: [{ subject: 合同 }, { from: { domain: vendor.example } }]")).isTrue();
        assertThat(matches("all: [{ subject: 合同 }, { from: { domain: other.example } }]")).isFalse();
        assertThat(matches("any: [{ subject: 发票 }, { from: { domain: vendor.example } }]")).isTrue();
        assertThat(matches("any: [{ subject: 发票 }, { from: { domain: other.example } }]")).isFalse();
    }

    @Test
    void notInvertsAndNests() {
        assertThat(matches("not: { subject: 发票 }")).isTrue();
        assertThat(matches("not: { subject: 合同 }")).isFalse();
        assertThat(matches("""
                all:
                  - subject: 合同
                  - not:
                      any: [list-mail, bulk, { from: { domain: other.example } }]
                """)).isTrue();
    }

    @Test
    void explanationNamesEveryConditionThatHeld() {
        Plan plan = new RuleFixture(dir).rules("""
                - name: r
                  when:
                    all:
                      - subject: 合同
                      - not: { any: [list-mail, { from: { domain: other.example } }] }
                  then: [flag]
                """).plan(MSG);
        assertThat(plan.actions().get(0).because()).isEqualTo(
                "(subject contains \"合同\" (\"合同 draft\"); not {any: [list-mail, {from: {domain: other.example}}]})");
    }

    @Test
    void severalConditionsInOneMappingMustAllHold() {
        assertThat(matches("{ subject: 合同, from: { domain: vendor.example } }")).isTrue();
        assertThat(matches("{ subject: 合同, from: { domain: other.example } }")).isFalse();
    }

    @Test
    void stopKeepsLaterRulesFromRunning() {
        Plan plan = new RuleFixture(dir).rules("""
                - name: first
                  when: always
                  then: [flag]
                  stop: true
                - name: second
                  when: always
                  then: [mark-read]
                """).plan(MSG);
        assertThat(steps(plan)).containsExactly("flag");
        assertThat(plan.stoppedBy()).isEqualTo("first");
    }

    @Test
    void stopAsAnActionWorksLikeTheKey() {
        Plan plan = new RuleFixture(dir).rules("""
                - name: first
                  when: always
                  then: [flag, stop]
                - name: second
                  when: always
                  then: [mark-read]
                """).plan(MSG);
        assertThat(steps(plan)).containsExactly("flag");
    }

    @Test
    void rulesOutOfScopeDisabledOrScheduledDoNotRunOnArrival() {
        RuleFixture f = new RuleFixture(dir).rules("""
                - name: other-account
                  accounts: [home]
                  when: always
                  then: [flag]
                - name: other-folder
                  folders: ["其他文件夹/*"]
                  when: always
                  then: [flag]
                - name: off
                  enabled: false
                  when: always
                  then: [flag]
                - name: nightly
                  schedule: "0 0 2 * * ?"
                  when: always
                  then: [flag]
                - name: in-scope
                  accounts: ["w*"]
                  folders: [inbox]
                  when: always
                  then: [mark-read]
                """);
        Trace trace = new RuleEngine().trace(f.loaded(), f.item(MSG, "INBOX", Set.of()), RuleFixture.NOW);
        assertThat(trace.entries()).extracting(e -> e.rule().name() + ":" + e.outcome()).containsExactly(
                "other-account:OUT_OF_SCOPE", "other-folder:OUT_OF_SCOPE", "off:DISABLED", "nightly:SCHEDULED",
                "in-scope:MATCHED");
        assertThat(steps(trace.plan())).containsExactly("mark-read");
    }

    @Test
    void scheduledRuleRunsWhenItsScheduleFires() {
        RuleFixture f = new RuleFixture(dir).rules("""
                - name: nightly
                  schedule: "0 0 2 * * ?"
                  when: { older-than: 1d }
                  then: [{ move: 归档 }]
                """);
        RuleSet set = f.loaded();
        Plan plan = new RuleEngine().evaluateScheduled(set.rules().get(0),
                f.item(mail("From: a@b.example\nDate: Mon, 2 Mar 2026 10:00:00 +0800\nSubject: old", "x"), "INBOX",
                        Set.of()), RuleFixture.NOW);
        assertThat(steps(plan)).containsExactly("move → 归档");
    }

    @Test
    void rulesFromSeveralFilesRunInFileNameOrder() {
        RuleFixture f = new RuleFixture(dir)
                .file("20-b.yaml", "rules:\n  - name: b\n    when: always\n    then: [{ add-keyword: B }]\n")
                .file("10-a.yaml", "rules:\n  - name: a\n    when: always\n    then: [{ add-keyword: A }]\n    stop: true\n")
                .file("notes.txt", "not a rule file");
        Plan plan = f.plan(MSG);
        assertThat(plan.matchedRules()).containsExactly("a");
        assertThat(f.loaded().files()).extracting(p -> p.getFileName().toString()).containsExactly("10-a.yaml", "20-b.yaml");
    }
}
