package io.mailwarden.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.rules.load.Diagnostic;
import io.mailwarden.rules.load.LoadResult;
import io.mailwarden.rules.load.RuleLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an admin sees for each kind of mistake: file:line:col and words that say what to do. */
class RuleErrorsTest {

    @TempDir
    Path dir;

    private List<String> problems(String yaml) {
        RuleFixture f = new RuleFixture(dir).file("r.yaml", yaml);
        LoadResult r = f.load();
        return r.diagnostics().stream().map(Diagnostic::toString).map(s -> s.replace(dir + "/", "")).toList();
    }

    @Test
    void misspeltActionSuggestsTheRightOne() {
        assertThat(problems("""
                rules:
                  - name: typo
                    when: { subject: 发票 }
                    then:
                      - mvoe: 财务
                """)).containsExactly("r.yaml:5:9: error: unknown action 'mvoe' — did you mean 'move'?");
    }

    @Test
    void misspeltConditionAndRuleKeySuggestTheRightOnes() {
        assertThat(problems("""
                rules:
                  - name: typos
                    when:
                      form: { domain: x.example }
                    then: [flag]
                    stpo: true
                """)).containsExactly(
                "r.yaml:6:5: error: unknown key 'stpo' in rule 'typos' — did you mean 'stop'? "
                        + "(allowed: name, description, enabled, accounts, folders, when, then, stop, schedule)",
                "r.yaml:4:7: error: unknown condition 'form' — did you mean 'from'?");
    }

    @Test
    void conditionWrittenAsActionAndActionAsCondition() {
        assertThat(problems("""
                rules:
                  - name: mixed-up
                    when: { move: x }
                    then:
                      - subject: y
                """)).containsExactly(
                "r.yaml:3:13: error: unknown condition 'move': 'move' is an action: put it under then:",
                "r.yaml:5:9: error: unknown action 'subject': 'subject' is a condition: put it under when:");
    }

    @Test
    void badRegexPointsAtThePattern() {
        assertThat(problems("""
                rules:
                  - name: bad-regex
                    when:
                      subject: { regex: "([a-z" }
                    then: [flag]
                """)).containsExactly(
                "r.yaml:4:25: error: bad regular expression: Unclosed character class near index 4 of \"([a-z\"");
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        assertThat(problems("""
                rules:
                  - name: wrong-types
                    enabled: maybe
                    when:
                      all: { subject: x }
                    then:
                      - move: [a, b]
                      - mark-read: please
                """)).containsExactly(
                "r.yaml:3:14: error: expected true or false for enabled, found 'maybe'",
                "r.yaml:5:12: error: all takes a list of conditions (write each on a line starting with '- ')",
                "r.yaml:7:15: error: expected a folder name for move, found a list",
                "r.yaml:8:20: error: mark-read takes no value: write '- mark-read'");
    }

    @Test
    void unknownKeyInsideAConditionListsTheAllowedOnes() {
        assertThat(problems("""
                rules:
                  - name: r
                    when:
                      attachment: { nmae: "*.pdf" }
                    then: [flag]
                """)).containsExactly("r.yaml:4:21: error: unknown key 'nmae' in attachment — did you mean 'name'? "
                + "(allowed: name, type, min-size, max-size, text, text-contains)");
    }

    @Test
    void duplicateRuleNamesAcrossFilesNameBothPlaces() throws Exception {
        RuleFixture f = new RuleFixture(dir)
                .file("a.yaml", "rules:\n  - name: same\n    when: always\n    then: [flag]\n")
                .file("b.yaml", "rules:\n  - name: same\n    when: always\n    then: [flag]\n");
        assertThat(f.load().diagnostics()).map(Diagnostic::toString).containsExactly(
                dir.resolve("b.yaml") + ":2:11: error: duplicate rule name 'same': already used at "
                        + dir.resolve("a.yaml") + ":2:11 (names must be unique across all rule files)");
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeysAreLocated() {
        assertThat(problems("rules:\n  - name: x\n    when: always\n    then: [flag\n")).containsExactly(
                "r.yaml:5:1: error: YAML syntax: expected ',' or ']', but got <stream end> (while parsing a flow sequence)");
        assertThat(problems("rules:\n  - name: y\n    name: z\n    when: always\n    then: [flag]\n")).containsExactly(
                "r.yaml:3:5: error: duplicate key 'name' (first at line 2): YAML keeps only one of them");
    }

    @Test
    void missingPartsOfARule() {
        assertThat(problems("rules:\n  - when: always\n    then: [flag]\n  - name: nothing-to-do\n    when: always\n"))
                .containsExactly("r.yaml:2:5: error: every rule needs 'name'",
                        "r.yaml:4:5: error: rule 'nothing-to-do' needs 'then'");
    }

    @Test
    void quartzScheduleInUnixCronFormGetsAHint() {
        assertThat(problems("rules:\n  - name: c\n    schedule: \"0 2 * * *\"\n    when: always\n    then: [flag]\n"))
                .singleElement().asString()
                .startsWith("r.yaml:3:15: error: bad schedule '0 2 * * *': ")
                .endsWith("e.g. '0 0 2 * * ?' for 02:00 daily");
    }

    @Test
    void badValuesInsideActions() {
        assertThat(problems("""
                rules:
                  - name: r
                    when: always
                    then:
                      - add-keyword: "has space"
                      - forward: not-an-address
                      - reply: { body: "Hi ${sender}" }
                      - reply: { body-file: ../../etc/passwd }
                      - move: "a//b"
                """)).containsExactly(
                "r.yaml:5:22: error: 'has space' cannot be an IMAP keyword: use printable ASCII without spaces, "
                        + "( ) { % * \" \\ or ], and no leading backslash",
                "r.yaml:6:18: error: 'not-an-address' is not an email address (expected name@domain.example)",
                "r.yaml:7:24: error: unknown placeholder ${sender} in body (known: [${account}, ${date}, "
                        + "${from.address}, ${from.name}, ${subject}, ${to}])",
                "r.yaml:8:29: error: body-file must stay inside the rules directory " + dir.toAbsolutePath().normalize(),
                "r.yaml:9:15: error: folder name 'a//b' has an empty level (a leading, trailing or doubled '/')");
    }

    @Test
    void fullWidthSpaceInFolderNameIsAWarningAndTheRulesLoad() {
        RuleFixture f = new RuleFixture(dir).rules("""
                - name: r
                  when: always
                  then:
                    - move: "财务　发票"
                """);
        LoadResult r = f.load();
        assertThat(r.ok()).isTrue();
        assertThat(r.warnings()).singleElement().asString().endsWith("rules.yaml:5:15: warning: folder name '财务　发票' "
                + "holds a full-width space (U+3000): Exmail accepts it but several mail clients fail to open such folders");
    }

    @Test
    void aSetWithAnyErrorIsNeverHalfLoaded() {
        RuleFixture f = new RuleFixture(dir)
                .file("a.yaml", "rules:\n  - name: good\n    when: always\n    then: [flag]\n")
                .file("b.yaml", "rules:\n  - name: bad\n    when: always\n    then: [fly]\n");
        LoadResult r = f.load();
        assertThat(r.ok()).isFalse();
        assertThat(r.ruleSet()).isNull();
        assertThat(r.errors()).hasSize(1);
    }

    @Test
    void keepsLastGoodRulesWhenReloadFails() throws Exception {
        new RuleFixture(dir).file("a.yaml", "rules:\n  - name: good\n    when: always\n    then: [flag]\n");
        RuleRepository repo = new RuleRepository(new RuleLoader(PluginRegistry.builtins(), dir), dir);
        assertThat(repo.reload().ok()).isTrue();
        RuleSet good = repo.current();

        Files.writeString(dir.resolve("a.yaml"), "rules:\n  - name: good\n    when: always\n    then: [mvoe]\n");
        LoadResult failed = repo.reload();

        assertThat(failed.ok()).isFalse();
        assertThat(repo.current()).isSameAs(good);
        assertThat(repo.current().rules()).extracting(Rule::name).containsExactly("good");
        assertThat(repo.lastResult()).isSameAs(failed);
    }

    @Test
    void missingRulesDirectoryIsAnError() {
        LoadResult r = new RuleLoader(PluginRegistry.builtins(), dir).load(dir.resolve("nope"));
        assertThat(r.errors()).map(Diagnostic::toString)
                .containsExactly(dir.resolve("nope") + ":1:1: error: the rules directory does not exist");
    }

    @Test
    void nonUtf8RuleFileIsNamed() throws Exception {
        Files.write(dir.resolve("gbk.yaml"), "rules:\n  - name: 中文\n".getBytes("GBK"));
        assertThat(new RuleFixture(dir).load().errors()).map(Diagnostic::toString)
                .containsExactly(dir.resolve("gbk.yaml") + ":1:1: error: the file is not UTF-8 text: save it as UTF-8");
    }
}
