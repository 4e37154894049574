package io.mailwarden.rules.builtin;

import io.mailwarden.message.Message;
import io.mailwarden.plugin.ActionPlugin;
import io.mailwarden.plugin.ConditionPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The conditions and actions that ship with mailwarden, built on the same SPI as third-party plugins. */
public final class Builtins {

    private Builtins() {
    }

    public static List<ConditionPlugin> conditions() {
        List<ConditionPlugin> all = new ArrayList<>();
        all.add(new AddressCondition("from", "From", Message::from));
        all.add(new AddressCondition("to", "To", Message::to));
        all.add(new AddressCondition("cc", "Cc", Message::cc));
        all.add(new AddressCondition("bcc", "a Bcc field present in the message", Message::bcc));
        all.add(new AddressCondition("reply-to", "Reply-To", Message::replyTo));
        all.add(new AddressCondition("sender", "Sender", Message::sender));
        all.add(new AddressCondition("recipient", "To, Cc or Bcc",
                m -> Stream.of(m.to(), m.cc(), m.bcc()).flatMap(List::stream).toList()));
        all.addAll(TextConditions.all());
        all.addAll(AttachmentConditions.all());
        all.addAll(MessageConditions.all());
        all.addAll(TraitConditions.all());
        all.addAll(CompositeConditions.all());
        all.addAll(ExecBuiltins.conditions());
        return List.copyOf(all);
    }

    public static List<ActionPlugin> actions() {
        List<ActionPlugin> all = new ArrayList<>(BasicActions.all());
        all.addAll(MailActions.all());
        all.addAll(ExecBuiltins.actions());
        return List.copyOf(all);
    }
}
