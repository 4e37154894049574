package io.mailwarden.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account configuration: presets, passwords from the environment or a file, and errors naming the key. */
class AccountResolverTest {

    @TempDir
    Path tmp;

    record Server(Optional<String> host, Optional<Integer> port, Optional<String> tls) implements AccountsConfig.Server {
        static Server none() {
            return new Server(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    record Acc(String provider, String username, Optional<String> passwordEnv, Optional<Path> passwordFile,
            AccountsConfig.Server imap, AccountsConfig.Server smtp, Optional<Path> trustPem, List<String> idleFolders,
            Optional<List<String>> pollFolders, Duration pollInterval, Duration idleRenew, boolean sendId,
            Optional<String> address, Optional<String> sentFolder) implements AccountsConfig.Account {
        Acc(String provider, String username, Optional<String> passwordEnv, Optional<Path> passwordFile,
                AccountsConfig.Server imap, AccountsConfig.Server smtp, Optional<Path> trustPem, List<String> idleFolders,
                Optional<List<String>> pollFolders, Duration pollInterval, Duration idleRenew, boolean sendId) {
            this(provider, username, passwordEnv, passwordFile, imap, smtp, trustPem, idleFolders, pollFolders,
                    pollInterval, idleRenew, sendId, Optional.empty(), Optional.empty());
        }

        @Override
        public List<String> archiveFolders() {
            return Account.ALL_FOLDERS;
        }

        Acc withAddress(String address, String sentFolder) {
            return new Acc(provider, username, passwordEnv, passwordFile, imap, smtp, trustPem, idleFolders, pollFolders,
                    pollInterval, idleRenew, sendId, Optional.ofNullable(address), Optional.ofNullable(sentFolder));
        }

        static Acc of(String provider, String env) {
            return new Acc(provider, "alice@corp.example", Optional.ofNullable(env), Optional.empty(), Server.none(),
                    Server.none(), Optional.empty(), List.of("INBOX"), Optional.empty(), Duration.ofMinutes(5),
                    Duration.ofMinutes(4), true);
        }
    }

    private static AccountsConfig config(Map<String, AccountsConfig.Account> accounts) {
        return () -> new TreeMap<>(accounts);
    }

    private final AccountResolver resolver = new AccountResolver(name -> name.equals("PW") ? "s3cret" : null);

    @Test
    void exmailPresetGivesTencentHostsWithImplicitTls() throws Exception {
        Account a = resolver.resolve(config(Map.of("work", Acc.of("exmail", "PW")))).get(0);
        assertThat(a.imap()).isEqualTo(new Endpoint("imap.exmail.qq.com", 993, TlsMode.IMPLICIT));
        assertThat(a.smtp()).isEqualTo(new Endpoint("smtp.exmail.qq.com", 465, TlsMode.IMPLICIT));
        assertThat(a.password().value()).isEqualTo("s3cret");
        assertThat(a.password().toString()).doesNotContain("s3cret");
        assertThat(a.toString()).doesNotContain("s3cret");
    }

    @Test
    void overseasPresetAndOverrides() throws Exception {
        Acc overseas = Acc.of("exmail-overseas", "PW");
        Acc custom = new Acc("custom", "bob", Optional.of("PW"), Optional.empty(),
                new Server(Optional.of("mail.corp.example"), Optional.of(143), Optional.of("starttls")),
                new Server(Optional.of("mail.corp.example"), Optional.of(587), Optional.of("starttls")),
                Optional.empty(), List.of("INBOX"), Optional.empty(), Duration.ofMinutes(5), Duration.ofMinutes(4), true);
        List<Account> all = resolver.resolve(config(Map.of("hk", overseas, "own", custom)));
        assertThat(all.get(0).imap().host()).isEqualTo("hwimap.exmail.qq.com");
        assertThat(all.get(0).smtp().host()).isEqualTo("hwsmtp.exmail.qq.com");
        assertThat(all.get(1).imap()).isEqualTo(new Endpoint("mail.corp.example", 143, TlsMode.STARTTLS));
    }

    @Test
    void passwordFromAFile() throws Exception {
        Path file = tmp.resolve("pw");
        Files.writeString(tmp.resolve("pw"), "from-file\n");
        Acc a = new Acc("qq", "a@qq.com", Optional.empty(), Optional.of(file), Server.none(), Server.none(),
                Optional.empty(), List.of("INBOX"), Optional.empty(), Duration.ofMinutes(5), Duration.ofMinutes(4), true);
        assertThat(resolver.resolve(config(Map.of("q", a))).get(0).password().value()).isEqualTo("from-file");
    }

    @Test
    void everyProblemOfEveryAccountNamesItsKey() {
        Acc noPassword = Acc.of("exmail", null);
        Acc unsetEnv = Acc.of("gmail", "MISSING");
        Acc badProvider = Acc.of("exmal", "PW");
        Acc customWithoutHost = new Acc("custom", "c", Optional.of("PW"), Optional.empty(),
                new Server(Optional.empty(), Optional.empty(), Optional.of("plain")), Server.none(), Optional.empty(),
                List.of("INBOX"), Optional.empty(), Duration.ofMinutes(5), Duration.ofMinutes(4), true);
        assertThatThrownBy(() -> resolver.resolve(config(Map.of("a", noPassword, "b", unsetEnv, "c", badProvider,
                "d", customWithoutHost))))
                .isInstanceOfSatisfying(AccountConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "mailwarden.accounts.a.password-env: no password: set password-env (an environment variable) or "
                                + "password-file — passwords never go into configuration or rule files",
                        "mailwarden.accounts.b.password-env: environment variable MISSING is not set",
                        "mailwarden.accounts.c.provider: unknown provider 'exmal' (one of exmail, exmail-overseas, qq, "
                                + "gmail, outlook, custom)",
                        "mailwarden.accounts.d.imap.tls: expected implicit, starttls or none, found 'plain'",
                        "mailwarden.accounts.d.smtp.host: required for provider custom",
                        "mailwarden.accounts.d.smtp.port: required for provider custom",
                        "mailwarden.accounts.d.smtp.tls: required for provider custom (implicit, starttls, or none written out)"));
    }

    @Test
    void refusesAnAccountNameTooLongForTheStateStore() {
        String name = "a".repeat(AccountResolver.MAX_NAME + 1);
        assertThatThrownBy(() -> resolver.resolve(config(Map.of(name, Acc.of("exmail", "PW")))))
                .isInstanceOfSatisfying(AccountConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "mailwarden.accounts." + "a".repeat(40) + "…: an account's name is at most 320 characters "
                                + "(321 here): the state store keeps it with every message"));
    }

    @Test
    void aPollIntervalBelowOneSecondIsRefused() {
        Acc fast = new Acc("exmail", "alice@corp.example", Optional.of("PW"), Optional.empty(), Server.none(),
                Server.none(), Optional.empty(), List.of("INBOX"), Optional.of(List.of("Junk")), Duration.ofMillis(200),
                Duration.ofMinutes(4), true);
        assertThatThrownBy(() -> resolver.resolve(config(Map.of("w", fast))))
                .isInstanceOfSatisfying(AccountConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "mailwarden.accounts.w.poll-interval: must be at least 1s (each poll of poll-folders is one "
                                + "login; on Exmail keep it at minutes)"));
    }

    @Test
    void onlyTheNamedAccountIsResolved() throws Exception {
        List<Account> one = resolver.resolve(config(Map.of("good", Acc.of("exmail", "PW"), "bad", Acc.of("exmal", "PW"))),
                "good");
        assertThat(one).extracting(Account::name).containsExactly("good");
    }

    @Test
    void ownAddressIsTheLoginUnlessGivenAndNoSentCopyByDefault() throws Exception {
        Account exmail = resolver.resolve(config(Map.of("w", Acc.of("exmail", "PW")))).get(0);
        assertThat(exmail.address()).isEqualTo("alice@corp.example");
        assertThat(exmail.sentFolder()).isNull();
        Acc login = new Acc("custom", "bob", Optional.of("PW"), Optional.empty(),
                new Server(Optional.of("mail.corp.example"), Optional.of(993), Optional.of("implicit")),
                new Server(Optional.of("mail.corp.example"), Optional.of(587), Optional.of("starttls")),
                Optional.empty(), List.of("INBOX"), Optional.empty(), Duration.ofMinutes(5), Duration.ofMinutes(4), true);
        Account bob = resolver.resolve(config(Map.of("b", login.withAddress("bob@corp.example", "Sent")))).get(0);
        assertThat(bob.address()).isEqualTo("bob@corp.example");
        assertThat(bob.sentFolder()).isEqualTo("Sent");
        assertThat(resolver.resolve(config(Map.of("b", login))).get(0).address()).isNull();
        assertThatThrownBy(() -> resolver.resolve(config(Map.of("b", login.withAddress("bob", null)))))
                .hasMessageContaining("mailwarden.accounts.b.address: 'bob' is not a mail address");
    }
}
