package io.mailwarden.rules;

import static io.mailwarden.rules.RuleFixture.mail;
import static io.mailwarden.rules.RuleFixture.steps;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.plan.Plan;
import io.mailwarden.plan.PlannedAction;
import io.mailwarden.plan.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every action's step, and how a plan merges the steps of several rules. */
class ActionsAndPlansTest {

    @TempDir
    Path dir;

    static final String MSG = mail("From: Ann <ann@vendor.example>\nTo: me@corp.example\nSubject: 发票 March",
            "invoice attached");

    @Test
    void everyActionPlansItsStep() {
        Plan plan = new RuleFixture(dir).rules("""
                - name: all-actions
                  when: always
                  then:
                    - copy: 财务/副本
                    - mark-read
                    - flag
                    - add-keyword: $Invoice
                    - remove-keyword: $New
                    - archive: invoices-2026
                    - forward: { to: [audit@corp.example, boss@corp.example], as: inline }
                    - move: 财务/发票
                """).plan(MSG);
        assertThat(plan.actions()).extracting(PlannedAction::step).containsExactly(
                new Step.SetFlag(Step.Flag.SEEN, true),
                new Step.SetFlag(Step.Flag.FLAGGED, true),
                new Step.Keyword("$Invoice", true),
                new Step.Keyword("$New", false),
                new Step.Copy("财务/副本"),
                new Step.Archive("invoices-2026"),
                new Step.Forward(List.of("audit@corp.example", "boss@corp.example"), false),
                new Step.Move("财务/发票"));
    }

    @Test
    void unflagMarkUnreadAndDeleteToTrash() {
        Plan plan = new RuleFixture(dir).rules("""
                - name: r
                  when: always
                  then: [mark-unread, unflag, delete]
                """).plan(MSG);
        assertThat(steps(plan)).containsExactly("mark-unread", "unflag", "delete (to trash)");
    }

    @Test
    void forwardShorthandSendsTheOriginalAsAttachment() {
        Plan plan = new RuleFixture(dir).rules("""
                - name: r
                  when: always
                  then:
                    - forward: audit@corp.example
                """).plan(MSG);
        assertThat(plan.actions().get(0).step()).isEqualTo(new Step.Forward(List.of("audit@corp.example"), true));
    }

    @Test
    void replyReadsItsTemplateFileAndDefaults() {
        RuleFixture f = new RuleFixture(dir).file("templates/ack.txt", "您好 ${from.name}，已收到《${subject}》。")
                .rules("""
                        - name: ack
                          when: always
                          then:
                            - reply:
                                body-file: templates/ack.txt
                                seconds: 30
                        """);
        Step.Reply reply = (Step.Reply) f.plan(MSG).actions().get(0).step();
        assertThat(reply.body()).isEqualTo("您好 ${from.name}，已收到《${subject}》。");
        assertThat(reply.subject()).isEqualTo("Re: ${subject}");
        assertThat(reply.period()).isEqualTo(Duration.ofSeconds(30));
        assertThat(reply.onlyWhenAddressed()).isTrue();
        assertThat(reply.html()).isNull();
    }

    @Test
    void planOrdersFlagsFirstAndLeavingTheFolderLast() {
        Plan plan = new RuleFixture(dir).rules("""
                - name: first
                  when: always
                  then: [{ move: Archive }]
                - name: second
                  when: always
                  then: [mark-read, { copy: Backup }]
                """).plan(MSG);
        assertThat(steps(plan)).containsExactly("mark-read", "copy → Backup", "move → Archive");
        assertThat(plan.matchedRules()).containsExactly("first", "second");
    }

    @Test
    void theSameStepFromTwoRulesIsPlannedOnce() {
        Plan plan = new RuleFixture(dir).rules("""
                - name: a
                  when: always
                  then: [flag]
                - name: b
                  when: always
                  then: [flag]
                """).plan(MSG);
        assertThat(steps(plan)).containsExactly("flag");
        assertThat(plan.actions().get(0).rule()).isEqualTo("a");
        assertThat(plan.notes()).containsExactly("b: flag already planned by a");
    }

    @Test
    void aMessageLeavesItsFolderOnlyOnce() {
        Plan plan = new RuleFixture(dir).rules("""
                - name: to-finance
                  when: always
                  then: [{ move: Finance }]
                - name: to-trash
                  when: always
                  then: [delete]
                """).plan(MSG);
        assertThat(steps(plan)).containsExactly("move → Finance");
        assertThat(plan.notes()).containsExactly(
                "to-trash: delete (to trash) not planned: to-finance already planned move → Finance");
    }

    @Test
    void laterFlagChangeOverridesEarlierOpposite() {
        Plan plan = new RuleFixture(dir).rules("""
                - name: read-it
                  when: always
                  then: [mark-read]
                - name: keep-unread
                  when: always
                  then: [mark-unread]
                """).plan(MSG);
        assertThat(steps(plan)).containsExactly("mark-unread");
        assertThat(plan.notes()).singleElement().asString().contains("overrides mark-read from read-it");
    }

    @Test
    void moveIntoTheCurrentFolderIsANoOp() {
        Plan plan = new RuleFixture(dir).rules("""
                - name: r
                  when: always
                  then: [{ move: INBOX }]
                """).plan(MSG);
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.notes()).containsExactly("r: move → INBOX skipped: the message is already in INBOX");
    }

    @Test
    void plannedActionsRecordRuleLocationAndReason() {
        RuleFixture f = new RuleFixture(dir).file("finance.yaml", """
                rules:
                  - name: invoices
                    when:
                      subject: 发票
                    then:
                      - move: Finance
                """);
        PlannedAction a = f.plan(MSG).actions().get(0);
        assertThat(a.rule()).isEqualTo("invoices");
        assertThat(a.at()).isEqualTo(dir.resolve("finance.yaml") + ":6:9");
        assertThat(a.because()).isEqualTo("subject contains \"发票\" (\"发票 March\")");
    }
}
