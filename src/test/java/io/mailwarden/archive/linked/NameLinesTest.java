package io.mailwarden.archive.linked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mailwarden.testing.RandomText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The file names of 文件中转站 notice lines. */
class NameLinesTest {

    /** The regular expression {@link NameLines} replaces, as the reference. */
    private static final Pattern NAME_LINE = Pattern.compile(
            "(?m)^[ \\t]*(\\S.*?)[ \\t]*[(（][ \\t]*\\d+(?:\\.\\d+)?[ \\t]*[KMGT]?B?[ \\t]*[,，].*到期[ \\t]*[)）][ \\t]*$",
            Pattern.CASE_INSENSITIVE);

    @Test
    void readsTheNamesOfNoticeLines() {
        String text = "从腾讯企业邮箱发来的超大附件\r\n\r\n  季度报告 (终版).zip  (65.38M, 2026年12月29日 10:00 到期)\r\n"
                + "b.mp4（300 mb，2026年12月29日到期） \n"
                + "not a file (soon, 到期)\n"
                + "c.iso (1.5G, 到期) trailing words\n";

        assertThat(NameLines.of(text)).containsExactly("季度报告 (终版).zip", "b.mp4");
    }

    @Test
    void readsLinesAsTheRegularExpressionItReplacedDid() {
        String[] pieces = {"a.zip", "报告", " ", "\t", "(", ")", "（", "）", "1", "65.38", "3.", "M", "mb", "B", "K",
            ",", "，", "到期", "到", "2026年", "\n", "\r\n", "\f", "x"};
        Random rnd = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            String text = RandomText.of(rnd, pieces, 30);
            assertThat(NameLines.of(text)).as(text).isEqualTo(regex(text));
        }
    }

    @Test
    void aHostileLineCostsNoMoreThanItsLength() {
        // the expression went to the end of the line from each parenthesis followed by a size and a comma
        String line = "x" + "(1,".repeat(1_000_000) + "到期)";
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThat(NameLines.of(line)).containsExactly("x"));
        String noDue = "x" + "(1,".repeat(1_000_000) + "到期)x";
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThat(NameLines.of(noDue)).isEmpty());
    }

    private static List<String> regex(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME_LINE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
