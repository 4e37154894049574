package io.mailwarden.account;

import java.util.List;

/** The account configuration cannot work; each problem names its configuration key. */
public class AccountConfigException extends Exception {

    private final List<String> problems;

    public AccountConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
