package io.mailwarden.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.outbound.Suppression.Reason;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What is never answered: each reason on its own, and what is still answered. */
class SuppressionTest {

    private static final Set<String> OWN = Set.of("support@corp.example", "zhang.san@corp.example");
    private static final Suppression.Policy POLICY = Suppression.Policy.of(OutboundSettings.defaults());

    private static Optional<Suppression.Suppressed> reply(String text) {
        return Suppression.reply(Mails.parse(text), OWN, true, POLICY);
    }

    @Test
    void answersOrdinaryMailAddressedToTheAccount() {
        assertThat(reply(Mails.CUSTOMER)).isEmpty();
        assertThat(reply(Mails.customerWith("Auto-Submitted: no"))).isEmpty();
        assertThat(reply(Mails.customerWith("X-Spam-Flag: NO"))).isEmpty();
        assertThat(reply(Mails.customerReplacing("To", "To: x@corp.example\nCc: Zhang <ZHANG.SAN@corp.example>")))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Auto-Submitted: auto-replied                       | AUTO_SUBMITTED",
        "Auto-Submitted: auto-generated; owner-email=x@y.z  | AUTO_SUBMITTED",
        "Precedence: bulk                                   | PRECEDENCE",
        "Precedence: list                                   | PRECEDENCE",
        "Precedence: junk                                   | PRECEDENCE",
        "List-Id: <news.vendor.example>                     | LIST_MAIL",
        "List-Unsubscribe: <mailto:off@vendor.example>      | LIST_MAIL",
        "X-Spam-Flag: YES                                   | SPAM",
        "X-Mailwarden-Loop: helpdesk@other.example          | LOOP",
    })
    void neverAnswersMailWithTheseHeaders(String header, Reason reason) {
        assertThat(reply(Mails.customerWith(header))).map(Suppression.Suppressed::reason).contains(reason);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "Return-Path | Return-Path: <>                                  | NULL_SENDER",
        "Return-Path | X-Nothing: here                                  | NULL_SENDER",
        "From        | From: Mail Delivery System <MAILER-DAEMON@mx.example> | ROBOT_SENDER",
        "From        | From: postmaster@customer.example                | ROBOT_SENDER",
        "From        | From: noreply@shop.example                       | ROBOT_SENDER",
        "From        | From: No Reply <no-reply@shop.example>           | ROBOT_SENDER",
        "From        | From: do-not-reply@bank.example                  | ROBOT_SENDER",
        "From        | From: noreply-alerts@cloud.example               | ROBOT_SENDER",
        "Return-Path | Return-Path: <bounces+123@mailer.example>        | ROBOT_SENDER",
        "From        | From: Support <support@corp.example>             | OWN_ADDRESS",
        "To          | To: sales@corp.example                           | NOT_ADDRESSED",
    })
    void neverAnswersTheseSenders(String field, String line, Reason reason) {
        assertThat(reply(Mails.customerReplacing(field, line))).map(Suppression.Suppressed::reason).contains(reason);
    }

    @Test
    void repliesGoToReplyToAndThatMustNotBeTheAccountItself() {
        String text = Mails.customerWith("Reply-To: helpdesk@customer.example");
        assertThat(Suppression.replyTarget(Mails.parse(text)).address()).isEqualTo("helpdesk@customer.example");
        assertThat(reply(Mails.customerWith("Reply-To: Support <support@corp.example>")))
                .map(Suppression.Suppressed::reason).contains(Reason.OWN_ADDRESS);
    }

    @Test
    void mailWithoutReturnPathIsAnsweredOnlyWhenConfigured() {
        String appended = Mails.customerReplacing("Return-Path", "X-Appended: by a client");
        var lenient = Suppression.Policy.of(withoutReturnPath());
        assertThat(Suppression.reply(Mails.parse(appended), OWN, true, lenient)).isEmpty();
    }

    @Test
    void mailNotAddressedToTheAccountIsAnsweredWhenTheRuleSaysSo() {
        var bcc = Mails.parse(Mails.customerReplacing("To", "To: all-staff@corp.example"));
        assertThat(Suppression.reply(bcc, OWN, false, POLICY)).isEmpty();
    }

    @Test
    void forwardsStopOnlyAtMailwardensOwnMarker() {
        assertThat(Suppression.forward(Mails.parse(Mails.customerWith("Precedence: bulk")))).isEmpty();
        assertThat(Suppression.forward(Mails.parse(Mails.customerWith("X-Mailwarden-Loop: a@b.example"))))
                .map(Suppression.Suppressed::reason).contains(Reason.LOOP);
    }

    private static OutboundSettings withoutReturnPath() {
        OutboundSettings d = OutboundSettings.defaults();
        return new OutboundSettings(d.maxPerWindow(), d.maxPerAccount(), d.rateWindow(), d.neverReplyTo(),
                d.spamHeaders(), true, d.checkInterval(), d.retryInitial(), d.retryMax(), d.maxAttempts(), d.smtpTimeout());
    }
}
