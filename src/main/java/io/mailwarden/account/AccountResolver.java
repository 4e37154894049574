package io.mailwarden.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns {@link AccountsConfig} into checked {@link Account}s. Every problem of every account is
 * collected, one line each naming the configuration key, so an admin fixes them all in one go.
 */
public final class AccountResolver {

    /** The state store's account columns are {@code VARCHAR(320)}. */
    static final int MAX_NAME = 320;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>,;\"]+@[^\\s@<>,;\"]+\\.[^\\s@<>,;\"]+");

    private final UnaryOperator<String> env;

    /** @param env how environment variables are read (System::getenv outside tests) */
    public AccountResolver(UnaryOperator<String> env) {
        this.env = env;
    }

    /** All accounts, or an exception listing every problem. */
    public List<Account> resolve(AccountsConfig config) throws AccountConfigException {
        return resolve(config, null);
    }

    /** The account named {@code only} (every account when null), or an exception listing its problems. */
    public List<Account> resolve(AccountsConfig config, String only) throws AccountConfigException {
        List<String> problems = new ArrayList<>();
        List<Account> accounts = new ArrayList<>();
        for (Map.Entry<String, AccountsConfig.Account> e : new TreeMap<>(config.accounts()).entrySet()) {
            if (only != null && !only.equals(e.getKey())) {
                continue;
            }
            Account a = resolve(e.getKey(), e.getValue(), problems);
            if (a != null) {
                accounts.add(a);
            }
        }
        if (!problems.isEmpty()) {
            throw new AccountConfigException(problems);
        }
        return List.copyOf(accounts);
    }

    private Account resolve(String name, AccountsConfig.Account c, List<String> problems) {
        String key = "mailwarden.accounts." + name + ".";
        int before = problems.size();
        if (name.length() > MAX_NAME) {
            problems.add("mailwarden.accounts." + name.substring(0, 40) + "…: an account's name is at most " + MAX_NAME
                    + " characters (" + name.length() + " here): the state store keeps it with every message");
        }
        Provider provider = Provider.parse(c.provider());
        if (provider == null) {
            problems.add(key + "provider: unknown provider '" + c.provider() + "' (one of " + String.join(", ", Provider.names()) + ")");
            return null;
        }
        if (c.username().isBlank()) {
            problems.add(key + "username: must not be empty (on Exmail: the full address)");
        }
        Account.Secret password = password(key, c, problems);
        Endpoint imap = endpoint(key + "imap.", c.imap(), provider.imap(), problems);
        Endpoint smtp = endpoint(key + "smtp.", c.smtp(), provider.smtp(), problems);
        if (c.trustPem().isPresent() && !Files.isReadable(c.trustPem().get())) {
            problems.add(key + "trust-pem: cannot read " + c.trustPem().get());
        }
        if (c.idleFolders().isEmpty() && c.pollFolders().map(List::isEmpty).orElse(true)) {
            problems.add(key + "idle-folders: the account watches no folder (give idle-folders or poll-folders)");
        }
        if (c.idleRenew().isNegative() || c.idleRenew().isZero() || c.idleRenew().toSeconds() > 29 * 60) {
            problems.add(key + "idle-renew: must be between 1s and 29m (RFC 2177; Exmail drops IDLE after about 5m)");
        }
        if (c.pollInterval().toSeconds() < 1) {
            problems.add(key + "poll-interval: must be at least 1s (each poll of poll-folders is one login; on Exmail "
                    + "keep it at minutes)");
        }
        String address = c.address().map(String::strip).orElse(c.username().contains("@") ? c.username().strip() : null);
        if (c.address().isPresent() && !ADDRESS.matcher(address).matches()) {
            problems.add(key + "address: '" + address + "' is not a mail address (expected name@domain.example)");
        }
        if (c.sentFolder().isPresent() && c.sentFolder().get().isBlank()) {
            problems.add(key + "sent-folder: must name a folder, or be left out for no copy");
        }
        if (problems.size() > before) {
            return null;
        }
        return new Account(name, provider, c.username().strip(), password, imap, smtp, c.trustPem().orElse(null),
                List.copyOf(c.idleFolders()), List.copyOf(c.pollFolders().orElse(List.of())), c.pollInterval(),
                c.idleRenew(), c.sendId(), address, c.sentFolder().map(String::strip).orElse(null),
                List.copyOf(c.archiveFolders()));
    }

    private Account.Secret password(String key, AccountsConfig.Account c, List<String> problems) {
        if (c.passwordEnv().isPresent() && c.passwordFile().isPresent()) {
            problems.add(key + "password-env: give password-env or password-file, not both");
            return null;
        }
        if (c.passwordEnv().isPresent()) {
            String v = env.apply(c.passwordEnv().get());
            if (v == null || v.isEmpty()) {
                problems.add(key + "password-env: environment variable " + c.passwordEnv().get() + " is not set");
                return null;
            }
            return new Account.Secret(v);
        }
        if (c.passwordFile().isPresent()) {
            try {
                String v = Files.readString(c.passwordFile().get(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
                if (v.isEmpty()) {
                    problems.add(key + "password-file: " + c.passwordFile().get() + " is empty");
                    return null;
                }
                return new Account.Secret(v);
            } catch (IOException e) {
                problems.add(key + "password-file: cannot read " + c.passwordFile().get());
                return null;
            }
        }
        problems.add(key + "password-env: no password: set password-env (an environment variable) or password-file"
                + " — passwords never go into configuration or rule files");
        return null;
    }

    private static Endpoint endpoint(String key, AccountsConfig.Server s, Endpoint preset, List<String> problems) {
        String host = s.host().orElse(preset == null ? null : preset.host());
        Integer port = s.port().orElse(preset == null ? null : preset.port());
        TlsMode tls = s.tls().map(TlsMode::parse).orElse(preset == null ? null : preset.tls());
        if (s.tls().isPresent() && TlsMode.parse(s.tls().get()) == null) {
            problems.add(key + "tls: expected implicit, starttls or none, found '" + s.tls().get() + "'");
            return null;
        }
        if (host == null || host.isBlank()) {
            problems.add(key + "host: required for provider custom");
        }
        if (port == null || port < 1 || port > 65535) {
            problems.add(key + "port: " + (port == null ? "required for provider custom" : port + " is not a port"));
        }
        if (tls == null) {
            problems.add(key + "tls: required for provider custom (implicit, starttls, or none written out)");
        }
        return host == null || port == null || tls == null ? null : new Endpoint(host.strip(), port, tls);
    }
}
