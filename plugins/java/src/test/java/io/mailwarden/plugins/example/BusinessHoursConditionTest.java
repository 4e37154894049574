package io.mailwarden.plugins.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.MailItem;
import io.mailwarden.message.parse.MessageParser;
import io.mailwarden.plan.Plan;
import io.mailwarden.rules.PluginRegistry;
import io.mailwarden.rules.RuleSet;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.rules.load.LoadResult;
import io.mailwarden.rules.load.RuleLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusinessHoursConditionTest {

    // Tuesday 3 December 2024, 10:00 in Shanghai
    private static final Instant TUESDAY_10_SHANGHAI = Instant.parse("2024-12-03T02:00:00Z");
    private static final Instant TUESDAY_1930_SHANGHAI = Instant.parse("2024-12-03T11:30:00Z");
    private static final Instant TUESDAY_18_SHANGHAI = Instant.parse("2024-12-03T10:00:00Z");
    private static final Instant SATURDAY_10_SHANGHAI = Instant.parse("2024-12-07T02:00:00Z");
    private static final String RAW = """
            From: client@example.com
            To: office@example.cn
            Subject: question
            Date: Tue, 3 Dec 2024 10:00:00 +0800
            Content-Type: text/plain; charset=utf-8

            Hello.
            """.replace("\n", "\r\n");

    @TempDir
    Path dir;

    @Test
    void defaultsMatchAWeekdayMorningInShanghai() throws IOException {
        assertThat(matches("business-hours: {}", TUESDAY_10_SHANGHAI)).isTrue();
    }

    @Test
    void anEmptyValueMeansTheDefaults() throws IOException {
        assertThat(matches("business-hours:", TUESDAY_10_SHANGHAI)).isTrue();
        assertThat(matches("business-hours:", TUESDAY_1930_SHANGHAI)).isFalse();
    }

    @Test
    void eveningIsOutsideAndTheEndIsExclusive() throws IOException {
        assertThat(matches("business-hours: {}", TUESDAY_1930_SHANGHAI)).isFalse();
        assertThat(matches("business-hours: {}", TUESDAY_18_SHANGHAI)).isFalse();
    }

    @Test
    void notBusinessHoursTriggersTheOutOfOfficeRuleOnlyOutsideHours() throws IOException {
        assertThat(matches("not: { business-hours: {} }", TUESDAY_1930_SHANGHAI)).isTrue();
        assertThat(matches("not: { business-hours: {} }", TUESDAY_10_SHANGHAI)).isFalse();
    }

    @Test
    void theZoneShiftsTheClock() throws IOException {
        // 10:00 in Shanghai is 02:00 in London and 03:00 in Berlin
        assertThat(matches("business-hours: { zone: Europe/London }", TUESDAY_10_SHANGHAI)).isFalse();
        assertThat(matches("business-hours: { zone: Europe/London }", Instant.parse("2024-12-03T10:00:00Z"))).isTrue();
        assertThat(matches("business-hours: { zone: America/New_York, hours: \"00:00-24:00\" }",
                Instant.parse("2024-12-07T02:00:00Z"))).isTrue(); // still Friday evening in New York
    }

    @Test
    void weekendIsOutsideUnlessItsDaysAreListed() throws IOException {
        assertThat(matches("business-hours: {}", SATURDAY_10_SHANGHAI)).isFalse();
        assertThat(matches("business-hours: { days: [sat, sun] }", SATURDAY_10_SHANGHAI)).isTrue();
        assertThat(matches("business-hours: { days: [sat, sun] }", TUESDAY_10_SHANGHAI)).isFalse();
        assertThat(matches("business-hours: { days: fri-mon }", SATURDAY_10_SHANGHAI)).isTrue();
        assertThat(matches("business-hours: { days: \"mon, wed-thu\" }", TUESDAY_10_SHANGHAI)).isFalse();
    }

    @Test
    void theDateHeaderIsUsedWhenTheServerGaveNoArrivalTime() throws IOException {
        // Date: Tue 10:00 +0800, and "now" on a Saturday: the header decides
        assertThat(matches("business-hours: {}", null, SATURDAY_10_SHANGHAI)).isTrue();
    }

    @Test
    void nowIsUsedWhenTheMessageHasNoDateAtAll() throws IOException {
        String noDate = RAW.replace("Date: Tue, 3 Dec 2024 10:00:00 +0800\r\n", "");
        assertThat(matches("business-hours: {}", noDate, null, TUESDAY_10_SHANGHAI)).isTrue();
        assertThat(matches("business-hours: {}", noDate, null, SATURDAY_10_SHANGHAI)).isFalse();
    }

    @Test
    void theExplanationNamesTheLocalTimeAndTheHours() throws IOException {
        Plan plan = evaluate(load("business-hours: {}"), RAW, TUESDAY_10_SHANGHAI, TUESDAY_10_SHANGHAI);
        assertThat(plan.actions().getFirst().because())
                .isEqualTo("business-hours: Tue 10:00 Asia/Shanghai (arrival) is within mon-fri 09:00-18:00");
    }

    @Test
    void aBadZoneIsReportedAtItsValue() throws IOException {
        assertThat(loadError("business-hours: { zone: Mars/Olympus }"))
                .isEqualTo(at(4, 31) + ": error: unknown time zone 'Mars/Olympus': use a region name such as "
                        + "Asia/Shanghai or Europe/Berlin");
    }

    @Test
    void aBadDayIsReportedAtItsListItem() throws IOException {
        assertThat(loadError("business-hours: { days: [mon, funday] }"))
                .isEqualTo(at(4, 37) + ": error: unknown day 'funday': use mon, tue, wed, thu, fri, sat, sun "
                        + "or a range such as mon-fri");
    }

    @Test
    void badHoursAreReportedAtTheirValue() throws IOException {
        assertThat(loadError("business-hours: { hours: 9-18 }"))
                .isEqualTo(at(4, 32) + ": error: bad hours '9-18': write HH:MM-HH:MM such as 09:00-18:00 (24-hour clock)");
        assertThat(loadError("business-hours: { hours: \"18:00-09:00\" }"))
                .isEqualTo(at(4, 32) + ": error: bad hours '18:00-09:00': the end must be after the start "
                        + "(hours cannot cross midnight)");
        assertThat(loadError("business-hours: { hours: \"09:00-25:00\" }")).contains("bad hours '09:00-25:00'");
    }

    @Test
    void anUnknownKeyIsReportedAtTheKeyWithASuggestion() throws IOException {
        assertThat(loadError("business-hours: { zome: Asia/Shanghai }"))
                .isEqualTo(at(4, 25) + ": error: unknown key 'zome' in business-hours — did you mean 'zone'? "
                        + "(allowed: zone, days, hours)");
    }

    @Test
    void aValueThatIsNotAMappingIsRejected() throws IOException {
        assertThat(loadError("business-hours: weekdays"))
                .startsWith(at(4, 23) + ": error: expected business-hours settings");
    }

    // --- helpers: one rule file with the condition on line 4, column 7

    private boolean matches(String condition, Instant arrival) throws IOException {
        return matches(condition, arrival, arrival);
    }

    private boolean matches(String condition, Instant arrival, Instant now) throws IOException {
        return matches(condition, RAW, arrival, now);
    }

    private boolean matches(String condition, String raw, Instant arrival, Instant now) throws IOException {
        return evaluate(load(condition), raw, arrival, now).matchedRules().contains("office");
    }

    private static Plan evaluate(RuleSet rules, String raw, Instant arrival, Instant now) {
        var message = new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8));
        var item = new MailItem("work", "INBOX", 1, Set.of(), Set.of(), arrival, message, null);
        return new RuleEngine().evaluate(rules, item, now);
    }

    private RuleSet load(String condition) throws IOException {
        LoadResult result = loadResult(condition);
        assertThat(result.errors()).isEmpty();
        return result.ruleSet();
    }

    private String loadError(String condition) throws IOException {
        LoadResult result = loadResult(condition);
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).hasSize(1);
        return result.errors().getFirst().toString();
    }

    private LoadResult loadResult(String condition) throws IOException {
        Files.writeString(dir.resolve("office.yaml"), """
                rules:
                  - name: office
                    when:
                      %s
                    then:
                      - flag
                """.formatted(condition));
        var registry = PluginRegistry.withPlugins(List.of(new BusinessHoursCondition()), List.of());
        return new RuleLoader(registry, dir.resolve("plugins")).load(dir);
    }

    private String at(int line, int column) {
        return dir.resolve("office.yaml") + ":" + line + ":" + column;
    }
}
