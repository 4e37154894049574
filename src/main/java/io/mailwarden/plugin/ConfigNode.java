package io.mailwarden.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A value from a rule file that knows where it stands, so every complaint can name file, line and
 * column. Scalars stay text until a plugin asks for a type: the admin's spelling decides, not YAML
 * 1.1's guesses ({@code no} is not silently false).
 */
public final class ConfigNode {

    /** The shapes a node can have. */
    public enum Kind { SCALAR, MAP, LIST, EMPTY }

    private final Kind kind;
    private final SourceLocation location;
    private final String scalar;
    private final Map<String, ConfigNode> map;
    private final Map<String, SourceLocation> keyLocations;
    private final List<ConfigNode> list;

    private ConfigNode(Kind kind, SourceLocation location, String scalar, Map<String, ConfigNode> map,
            Map<String, SourceLocation> keyLocations, List<ConfigNode> list) {
        this.kind = kind;
        this.location = location;
        this.scalar = scalar;
        this.map = map;
        this.keyLocations = keyLocations;
        this.list = list;
    }

    public static ConfigNode scalar(SourceLocation at, String value) {
        return new ConfigNode(Kind.SCALAR, at, value, Map.of(), Map.of(), List.of());
    }

    public static ConfigNode empty(SourceLocation at) {
        return new ConfigNode(Kind.EMPTY, at, null, Map.of(), Map.of(), List.of());
    }

    public static ConfigNode list(SourceLocation at, List<ConfigNode> items) {
        return new ConfigNode(Kind.LIST, at, null, Map.of(), Map.of(), List.copyOf(items));
    }

    /** A mapping; {@code keyLocations} says where each key is written. */
    public static ConfigNode map(SourceLocation at, LinkedHashMap<String, ConfigNode> entries,
            Map<String, SourceLocation> keyLocations) {
        return new ConfigNode(Kind.MAP, at, null, new LinkedHashMap<>(entries), Map.copyOf(keyLocations), List.of());
    }

    public Kind kind() {
        return kind;
    }

    public SourceLocation location() {
        return location;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isEmpty() {
        return kind == Kind.EMPTY;
    }

    /** A complaint about this node, ready to throw. */
    public ConfigException error(String message) {
        return new ConfigException(location, message);
    }

    /** The text of a scalar; anything else is an error naming {@code what} the admin should write. */
    public String asString(String what) throws ConfigException {
        if (kind != Kind.SCALAR) {
            throw error("expected " + what + ", found " + describe());
        }
        return scalar;
    }

    /** The text of a scalar that must not be blank. */
    public String asNonBlank(String what) throws ConfigException {
        String s = asString(what);
        if (s.isBlank()) {
            throw error(what + " must not be empty");
        }
        return s;
    }

    public boolean asBoolean(String what) throws ConfigException {
        String s = asString("true or false for " + what).strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("expected true or false for " + what + ", found '" + scalar + "'");
        };
    }

    public int asInt(String what) throws ConfigException {
        String s = asString("a whole number for " + what).strip();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw error("expected a whole number for " + what + ", found '" + s + "'");
        }
    }

    /** The items of a list; a single scalar counts as a list of one (admins write {@code folders: INBOX}). */
    public List<ConfigNode> asList(String what) throws ConfigException {
        return switch (kind) {
            case LIST -> list;
            case SCALAR -> List.of(this);
            default -> throw error("expected " + what + " (a list), found " + describe());
        };
    }

    /** The entries of a mapping, in file order. */
    public Map<String, ConfigNode> asMap(String what) throws ConfigException {
        if (kind != Kind.MAP) {
            throw error("expected " + what + " (a mapping of key: value), found " + describe());
        }
        return map;
    }

    /** A key's value in a mapping, or null. */
    public ConfigNode get(String key) {
        return map.get(key);
    }

    public ConfigNode require(String key, String inWhat) throws ConfigException {
        ConfigNode n = map.get(key);
        if (n == null) {
            throw error(inWhat + " needs '" + key + "'");
        }
        return n;
    }

    /** Where a key of this mapping is written (for errors about the key itself). */
    public SourceLocation keyLocation(String key) {
        return keyLocations.getOrDefault(key, location);
    }

    /** Rejects keys outside {@code allowed}, suggesting the closest one. */
    public void checkKeys(String inWhat, Collection<String> allowed) throws ConfigException {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new ConfigException(keyLocation(key),
                        "unknown key '" + key + "' in " + inWhat + Suggest.didYouMean(key, allowed)
                                + " (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** Plain Java values (String, List, Map; null for empty), e.g. to hand a plugin's options on as JSON. */
    public Object toPlain() {
        return switch (kind) {
            case SCALAR -> scalar;
            case EMPTY -> null;
            case LIST -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(n -> out.add(n.toPlain()));
                yield out;
            }
            case MAP -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, v.toPlain()));
                yield out;
            }
        };
    }

    /** The node as one line of YAML flow style, for explanations: {@code {any: [list-mail, bulk]}}. */
    public String toFlow() {
        return switch (kind) {
            case SCALAR -> scalar;
            case EMPTY -> "";
            case LIST -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(list.get(i).toFlow());
                }
                yield sb.append(']').toString();
            }
            case MAP -> {
                StringBuilder sb = new StringBuilder("{");
                int i = 0;
                for (var e : map.entrySet()) {
                    sb.append(i++ == 0 ? "" : ", ").append(e.getKey());
                    String v = e.getValue().toFlow();
                    sb.append(v.isEmpty() ? "" : ": " + v);
                }
                yield sb.append('}').toString();
            }
        };
    }

    /** How the node looks, in words: "a list", "a mapping", "'text'". */
    public String describe() {
        return switch (kind) {
            case SCALAR -> "'" + scalar + "'";
            case EMPTY -> "nothing";
            case LIST -> "a list";
            case MAP -> "a mapping";
        };
    }
}
