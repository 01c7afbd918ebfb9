package dev.telec.migrations.teleclaude;

import dev.telec.migrate.kit.HomeFiles;
import dev.telec.migrate.kit.YamlText;
import dev.telec.migrate.spi.BaseMigration;
import dev.telec.migrate.spi.MigrationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code 1.2.0/003_notification_subscriptions}: 1.2.0 replaces a person's list of notification channels
 * with subscription entries. In each {@code people/*}{@code /teleclaude.yml}:
 *
 * <pre>
 * notifications:            subscriptions:
 *   channels: [telegram]  →   - channel: telegram
 *                               events: all
 * </pre>
 *
 * <ul>
 *   <li>{@link #check}: true when no such file has {@code notifications.channels}.</li>
 *   <li>{@link #migrate}: for each file with it, in person-name order: appends one
 *       {@code {channel, events: all}} entry to {@code subscriptions} (created at the end when absent) per
 *       channel not already subscribed, removes {@code channels}, and removes {@code notifications} when
 *       nothing else is left in it. The file is edited with {@link YamlText}, so comments, blank lines, key
 *       order, quoting and every line not edited survive; it is replaced atomically with {@link HomeFiles}. A {@code channels} that is not a
 *       list of names, or a {@code subscriptions} that is not a list, is an {@link IllegalStateException}
 *       naming the file, with nothing written.</li>
 * </ul>
 */
public final class NotificationSubscriptions extends BaseMigration {

    static final String PEOPLE = "people";
    static final String FILE = "teleclaude.yml";

    public NotificationSubscriptions() {}

    @Override
    public boolean check(MigrationContext context) throws IOException {
        for (Path file : files(context.home())) {
            if (channels(parse(Files.readString(file), file), file) != null) return false;
        }
        return true;
    }

    @Override
    public boolean migrate(MigrationContext context) throws IOException {
        for (Path file : files(context.home())) {
            String before = Files.readString(file);
            MappingNode root = parse(before, file);
            if (channels(root, file) == null) continue;
            convert(root, file);
            HomeFiles.replace(file, YamlText.emit(root, before).getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    private static void convert(MappingNode root, Path file) {
        MappingNode notifications = (MappingNode) value(root, "notifications");
        SequenceNode channels = channels(root, file);
        Node existing = value(root, "subscriptions");
        if (existing != null && !(existing instanceof SequenceNode)) {
            throw new IllegalStateException(file + ": subscriptions is not a list; fix it by hand");
        }
        SequenceNode subscriptions = existing != null ? (SequenceNode) existing
                : new SequenceNode(Tag.SEQ, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        List<String> subscribed = new ArrayList<>();
        for (Node entry : subscriptions.getValue()) {
            if (entry instanceof MappingNode m && value(m, "channel") instanceof ScalarNode s) subscribed.add(s.getValue());
        }
        List<Node> added = new ArrayList<>(subscriptions.getValue());
        for (Node channel : channels.getValue()) {
            String name = ((ScalarNode) channel).getValue();
            if (subscribed.contains(name)) continue;
            subscribed.add(name);
            List<NodeTuple> fields = new ArrayList<>();
            fields.add(new NodeTuple(scalar("channel"), scalar(name)));
            fields.add(new NodeTuple(scalar("events"), scalar("all")));
            added.add(new MappingNode(Tag.MAP, fields, DumperOptions.FlowStyle.BLOCK));
        }
        SequenceNode result = new SequenceNode(Tag.SEQ, added, subscriptions.getFlowStyle());
        result.setInLineComments(subscriptions.getInLineComments());
        editable(notifications).removeIf(t -> "channels".equals(key(t)));
        if (notifications.getValue().isEmpty()) editable(root).removeIf(t -> "notifications".equals(key(t)));
        List<NodeTuple> tuples = editable(root);
        for (int i = 0; i < tuples.size(); i++) {
            if ("subscriptions".equals(key(tuples.get(i)))) {
                tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), result));
                return;
            }
        }
        tuples.add(new NodeTuple(scalar("subscriptions"), result));
    }

    /** {@code notifications.channels}, or null when absent. */
    private static SequenceNode channels(MappingNode root, Path file) {
        if (!(value(root, "notifications") instanceof MappingNode notifications)) return null;
        Node channels = value(notifications, "channels");
        if (channels == null) return null;
        if (channels instanceof SequenceNode list && list.getValue().stream().allMatch(n -> n instanceof ScalarNode)) return list;
        throw new IllegalStateException(file + ": notifications.channels is not a list of channel names; fix it by hand");
    }

    private static Node value(MappingNode mapping, String key) {
        for (NodeTuple t : mapping.getValue()) if (key.equals(key(t))) return t.getValueNode();
        return null;
    }

    private static String key(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
    }

    private static List<NodeTuple> editable(MappingNode mapping) {
        if (!(mapping.getValue() instanceof ArrayList)) mapping.setValue(new ArrayList<>(mapping.getValue()));
        return mapping.getValue();
    }

    private static ScalarNode scalar(String text) {
        return new ScalarNode(Tag.STR, text, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static MappingNode parse(String text, Path file) {
        try {
            return YamlText.parseMapping(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path home) throws IOException {
        Path people = home.resolve(PEOPLE);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(people)) return out;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(people, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path file = dir.resolve(FILE);
                if (Files.isRegularFile(file)) out.add(file);
            }
        }
        out.sort(Comparator.comparing(p -> p.getParent().getFileName().toString()));
        return out;
    }
}
