package io.mailwarden.testing.exmail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rewriting rules on their own, for lines GreenMail never sends. */
class ResponseRulesTest {

    private final ExmailBehaviour behaviour = ExmailProxy.builder().upstream(1).behaviour();
    private final ResponseRules rules = new ResponseRules(behaviour, new FolderPushes());

    private SessionState greeted(boolean authenticated) {
        SessionState state = new SessionState(1);
        state.greeted = true;
        state.authenticated = authenticated;
        return state;
    }

    @Test
    void capabilityResponseCodeGetsTheTrailingSpaceAfterLogin() {
        SessionState state = greeted(false);
        state.loginTag = "a1";
        assertThat(rules.rewrite("a1 OK [CAPABILITY IMAP4rev1 SORT LITERAL+] LOGIN completed", state))
                .isEqualTo("a1 OK [CAPABILITY IMAP4rev1 ID IDLE MOVE UIDPLUS XLIST NAMESPACE CHILDREN ] LOGIN completed");
        assertThat(state.authenticated).isTrue();
    }

    @Test
    void capabilityResponseCodeBeforeLoginHasNoTrailingSpace() {
        assertThat(rules.rewrite("* OK [CAPABILITY IMAP4rev1 STARTTLS] hi", greeted(false)))
                .isEqualTo("* OK [CAPABILITY IMAP4 IMAP4rev1 ID AUTH=PLAIN AUTH=LOGIN NAMESPACE] hi");
    }

    @Test
    void listLinesGetExmailsDelimiterAndXlistName() {
        SessionState state = greeted(true);
        state.xlistTag = "a2";
        assertThat(rules.rewrite("* LIST (\\Noselect) \".\" &UXZO1mWHTvZZOQ-", state))
                .isEqualTo("* XLIST (\\Noselect) \"/\" \"&UXZO1mWHTvZZOQ-\"");
        assertThat(rules.rewrite("* LIST () \".\" \"&UXZO1mWHTvZZOQ-.QQ&kK5O9g-\"", state))
                .isEqualTo("* XLIST () \"/\" \"&UXZO1mWHTvZZOQ-/QQ&kK5O9g-\"");
        assertThat(rules.rewrite("a2 OK LIST completed", state)).isEqualTo("a2 OK LIST completed");
        assertThat(rules.rewrite("* LIST () \".\" INBOX", state)).isEqualTo("* LIST () \"/\" \"INBOX\"");
    }

    @Test
    void statusNamesGetExmailsDelimiter() {
        assertThat(rules.rewrite("* STATUS \"a.b\" (MESSAGES 2)", greeted(true)))
                .isEqualTo("* STATUS \"a/b\" (MESSAGES 2)");
    }
}
