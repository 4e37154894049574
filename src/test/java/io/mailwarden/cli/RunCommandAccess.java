package io.mailwarden.cli;

import io.mailwarden.account.Account;
import java.util.List;

/** Lets tests of other packages call the start-up login check of {@code run}. */
public final class RunCommandAccess {

    private RunCommandAccess() {
    }

    public static List<String> reachability(List<Account> accounts) {
        return RunCommand.reachability(accounts);
    }
}
