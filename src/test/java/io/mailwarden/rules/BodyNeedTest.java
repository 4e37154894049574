package io.mailwarden.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.plugin.CompileContext;
import io.mailwarden.plugin.Condition;
import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.Facts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rules make the daemon fetch bodies: what conditions and actions declare, combined per folder. */
class BodyNeedTest {

    @TempDir
    Path dir;

    private boolean needsBody(String when, String then) {
        return new RuleFixture(dir).rules("""
                - name: r
                  when: %s
                  then: [%s]
                """.formatted(when, then)).loaded().needsBody("work", "INBOX");
    }

    @Test
    void headerAndStructureConditionsWithServerActionsNeedNoBody() {
        for (String when : List.of("{ from: { domain: vendor.example } }", "{ subject: 发票 }",
                "{ header: { name: X-Spam-Flag, equals: YES } }", "{ size: { larger-than: 5MB } }", "{ older-than: 30d }",
                "{ flag: seen }", "{ keyword: $Invoice }", "{ folder: INBOX }", "list-mail", "always",
                "{ attachment: \"*.pdf\" }", "{ attachment: { name: \"合同*\", type: application/*, max-size: 10MB } }",
                "{ has-attachment: true }", "{ attachment-count: 2 }",
                "{ all: [{ to: boss@corp.example }, { not: { cc: x@y.example } }] }")) {
            assertThat(needsBody(when, "mark-read, flag, { add-keyword: $X }, { copy: A }, { move: B }, delete"))
                    .as(when).isFalse();
        }
    }

    @Test
    void bodyTextAndAttachmentTextNeedTheBodyAlsoInsideCompositions() {
        for (String when : List.of("{ body: 合同 }", "{ attachment: { name: \"*.pdf\", text-contains: 发票 } }",
                "{ any: [{ subject: x }, { body: y }] }", "{ not: { body: y } }",
                "{ all: [{ subject: x }, { any: [{ from: a@b.example }, { body: y }] }] }")) {
            assertThat(needsBody(when, "flag")).as(when).isTrue();
        }
    }

    @Test
    void archiveAndSendingActionsNeedTheBody() {
        assertThat(needsBody("{ subject: x }", "{ archive: contracts }")).isTrue();
        assertThat(needsBody("{ subject: x }", "{ forward: a@b.example }")).isTrue();
    }

    @Test
    void aPluginConditionThatDeclaresNothingGetsTheBody() {
        ConditionPlugin undeclared = new ConditionPlugin() {
            public String name() {
                return "vip";
            }

            public String summary() {
                return "a third-party condition";
            }

            public Condition compile(ConfigNode config, CompileContext context) {
                return new Condition() {
                    public boolean test(Facts facts) {
                        return true;
                    }

                    public String explain(Facts facts) {
                        return "vip";
                    }
                };
            }
        };
        RuleSet set = new RuleFixture(dir).registry(PluginRegistry.withPlugins(List.of(undeclared), List.of()))
                .rules("""
                        - name: r
                          when: { all: [{ subject: x }, { vip: {} }] }
                          then: [flag]
                        """).loaded();
        assertThat(set.needsBody("work", "INBOX")).isTrue();
    }

    @Test
    void onlyEnabledArrivalRulesInScopeOfTheFolderCount() {
        RuleSet set = new RuleFixture(dir).rules("""
                - name: other-folder
                  folders: [财务/*]
                  when: { body: x }
                  then: [flag]
                - name: disabled
                  enabled: false
                  when: { body: x }
                  then: [flag]
                - name: nightly
                  schedule: "0 0 2 * * ?"
                  when: { body: x }
                  then: [flag]
                - name: headers
                  when: { subject: x }
                  then: [flag]
                """).loaded();
        assertThat(set.needsBody("work", "INBOX")).isFalse();
        assertThat(set.needsBody("work", "财务/发票")).isTrue();
        assertThat(set.rules()).filteredOn(r -> r.name().equals("nightly")).singleElement()
                .satisfies(r -> assertThat(r.needsBody()).as("for its own runs").isTrue());
    }
}
