package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailDatesTest {

    private final List<String> problems = new ArrayList<>();

    private OffsetDateTime parse(String value) {
        return MailDates.parse(value, problems);
    }

    @Test
    void readsRfc5322DateKeepingOffset() {
        assertThat(parse("Tue, 05 Mar 2024 10:15:30 +0800")).isEqualTo(OffsetDateTime.parse("2024-03-05T10:15:30+08:00"));
        assertThat(parse("Tue, 05 Mar 2024 10:15:30 +0800").getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(problems).isEmpty();
    }

    @Test
    void readsTheCommonFormExactlyAsTheRfc1123FormatterDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            OffsetDateTime t = OffsetDateTime.of(1970 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextBoolean() ? random.nextInt(60) : 0, 0,
                    ZoneOffset.ofTotalSeconds((random.nextInt(57) - 28) * 1800));
            String pattern = (random.nextBoolean() ? "EEE, " : "") + (random.nextBoolean() ? "d" : "dd") + " MMM yyyy HH:mm"
                    + (t.getSecond() != 0 || random.nextBoolean() ? ":ss" : "") + " xx";
            String value = t.format(DateTimeFormatter.ofPattern(pattern, java.util.Locale.ROOT));
            assertThat(parse(value)).as(value).isEqualTo(OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void leavesNearMissesOfTheCommonFormToTheFullParsers() {
        assertThat(parse("Tue, 05 MAR 2024 10:15:30 +0800")).isEqualTo(OffsetDateTime.parse("2024-03-05T10:15:30+08:00"));
        assertThat(parse("Tue, 05 Mar 2024 10:15:30 GMT")).isEqualTo(OffsetDateTime.parse("2024-03-05T10:15:30Z"));
        assertThat(parse("05 Mar 24 10:15:30 +0000")).isEqualTo(OffsetDateTime.parse("2024-03-05T10:15:30Z"));
        assertThat(parse("Tue, 05 Mar 2024 24:15:30 +0800")).isNotNull(); // the lenient parser rolls it over
        assertThat(parse("Tue, 05 Mar 2024 10:15:30 +08:00")).isEqualTo(OffsetDateTime.parse("2024-03-05T10:15:30+08:00"));
    }

    @Test
    void readsDateWithoutWeekdayAndSingleDigitDay() {
        assertThat(parse("5 Mar 2024 10:15:30 -0500")).isEqualTo(OffsetDateTime.parse("2024-03-05T10:15:30-05:00"));
    }

    @Test
    void ignoresTrailingCommentAndExtraSpaces() {
        assertThat(parse("Tue,  5 Mar 2024 10:15:30 +0800 (CST)"))
                .isEqualTo(OffsetDateTime.parse("2024-03-05T10:15:30+08:00"));
    }

    @Test
    void dropsCommentsInLinearTime() {
        assertThat(parse("Tue, 5 Mar (a(b) 2024 10:15:30 +0800 (CST) (unclosed"))
                .isEqualTo(OffsetDateTime.parse("2024-03-05T10:15:30+08:00"));
        // "\\([^)]*\\)" went to the end of the header from each unclosed parenthesis
        String hostile = "Tue, 5 Mar 2024 10:15:30 +0800 " + "(".repeat(4_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> parse(hostile));
    }

    @Test
    void readsGmtAndTwoDigitYearLeniently() {
        assertThat(parse("Tue, 05 Mar 2024 02:15:30 GMT")).isEqualTo(OffsetDateTime.parse("2024-03-05T02:15:30Z"));
        assertThat(parse("Tue, 05 Mar 24 10:15:30 +0800")).isEqualTo(OffsetDateTime.parse("2024-03-05T10:15:30+08:00"));
    }

    @Test
    void readsDateWithoutSeconds() {
        assertThat(parse("Tue, 05 Mar 2024 10:15 +0800")).isEqualTo(OffsetDateTime.parse("2024-03-05T10:15:00+08:00"));
    }

    @Test
    void readsWrongWeekday() {
        // real mailers get the weekday wrong; the date itself is still good
        assertThat(parse("Fri, 05 Mar 2024 10:15:30 +0800")).isEqualTo(OffsetDateTime.parse("2024-03-05T10:15:30+08:00"));
    }

    @Test
    void recordsUnreadableDate() {
        assertThat(parse("sometime last week")).isNull();
        assertThat(parse("2024年3月5日")).isNull();
        assertThat(problems).containsExactly(
                "unreadable Date header: sometime last week", "unreadable Date header: 2024年3月5日");
    }

    @Test
    void returnsNullForMissingDateWithoutProblem() {
        assertThat(parse(null)).isNull();
        assertThat(parse(" ")).isNull();
        assertThat(problems).isEmpty();
    }
}
