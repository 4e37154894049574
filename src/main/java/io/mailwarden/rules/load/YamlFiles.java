package io.mailwarden.rules.load;

import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one YAML rule file into {@link ConfigNode}s that remember their line and column. SnakeYAML
 * composes the node tree only: no objects are constructed from tags, so a rule file cannot
 * instantiate anything.
 */
final class YamlFiles {

    private YamlFiles() {
    }

    /** The file's root node (empty for an empty file). */
    static ConfigNode read(Path file, String shownName) throws ConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by us, with both locations
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(4 * 1024 * 1024);
        Yaml yaml = new Yaml(options);
        try (Reader reader = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString()
                .transform(java.io.StringReader::new)) {
            Node root = yaml.compose(reader);
            return root == null ? ConfigNode.empty(new SourceLocation(shownName, 1, 1)) : convert(root, shownName);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new ConfigException(at(shownName, mark), "YAML syntax: " + problem + context);
        } catch (YAMLException e) {
            throw new ConfigException(new SourceLocation(shownName, 1, 1), "YAML: " + e.getMessage());
        } catch (CharacterCodingException e) {
            throw new ConfigException(new SourceLocation(shownName, 1, 1), "the file is not UTF-8 text: save it as UTF-8");
        } catch (IOException e) {
            throw new ConfigException(new SourceLocation(shownName, 1, 1), "cannot read the file: " + e.getMessage());
        }
    }

    private static ConfigNode convert(Node node, String file) throws ConfigException {
        SourceLocation at = at(file, node.getStartMark());
        if (node instanceof ScalarNode s) {
            boolean plain = s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
            String v = s.getValue();
            if (plain && (v.isEmpty() || v.equals("~") || v.equalsIgnoreCase("null"))) {
                return ConfigNode.empty(at);
            }
            return ConfigNode.scalar(at, v);
        }
        if (node instanceof SequenceNode seq) {
            List<ConfigNode> items = new ArrayList<>(seq.getValue().size());
            for (Node n : seq.getValue()) {
                items.add(convert(n, file));
            }
            return ConfigNode.list(at, items);
        }
        MappingNode map = (MappingNode) node;
        LinkedHashMap<String, ConfigNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            SourceLocation keyAt = at(file, t.getKeyNode().getStartMark());
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new ConfigException(keyAt, "a key must be plain text, not a list or mapping");
            }
            String key = k.getValue();
            if (keys.containsKey(key)) {
                throw new ConfigException(keyAt, "duplicate key '" + key + "' (first at line " + keys.get(key).line()
                        + "): YAML keeps only one of them");
            }
            keys.put(key, keyAt);
            entries.put(key, convert(t.getValueNode(), file));
        }
        return ConfigNode.map(at, entries, keys);
    }

    private static SourceLocation at(String file, Mark mark) {
        return mark == null ? new SourceLocation(file, 1, 1) : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
