package io.mailwarden.rules.builtin;

import io.mailwarden.plugin.CompileContext;
import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;

/**
 * Checks a target folder name. Control characters and empty levels cannot work anywhere (errors);
 * full-width spaces, edge spaces and IMAP wildcards are legal but break clients (warnings).
 */
final class FolderNames {

    private FolderNames() {
    }

    static String check(ConfigNode node, CompileContext ctx, String action) throws ConfigException {
        String name = node.asNonBlank("a folder name for " + action);
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw node.error("folder name for " + action + " holds a control character at position " + (i + 1));
            }
        }
        if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            throw node.error("folder name '" + name + "' has an empty level (a leading, trailing or doubled '/')");
        }
        if (name.indexOf('\u3000') >= 0) {
            ctx.warn(node.location(), "folder name '" + name + "' holds a full-width space (U+3000): "
                    + "Exmail accepts it but several mail clients fail to open such folders");
        }
        for (String level : name.split("/")) {
            if (!level.equals(level.strip())) {
                ctx.warn(node.location(), "folder name '" + name + "' has a level starting or ending with a space");
                break;
            }
        }
        if (name.indexOf('*') >= 0 || name.indexOf('%') >= 0) {
            ctx.warn(node.location(), "folder name '" + name + "' holds '*' or '%', IMAP wildcards that confuse folder listings");
        }
        return name;
    }
}
